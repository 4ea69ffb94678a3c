using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Ledger.Core.Tests.Protection;

/// <summary>AES-GCM from BouncyCastle, a second implementation to prove the documented layouts byte by byte.</summary>
internal static class IndependentAesGcm
{
    /// <summary>Decrypts ciphertext ‖ tag; throws if the tag does not verify.</summary>
    public static byte[] Decrypt(byte[] key, byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData)
    {
        var gcm = new GcmBlockCipher(new AesEngine());
        gcm.Init(false, new AeadParameters(new KeyParameter(key), 128, nonce, associatedData));
        var output = new byte[gcm.GetOutputSize(ciphertextAndTag.Length)];
        var written = gcm.ProcessBytes(ciphertextAndTag, 0, ciphertextAndTag.Length, output, 0);
        written += gcm.DoFinal(output, written);
        return output[..written];
    }
}
