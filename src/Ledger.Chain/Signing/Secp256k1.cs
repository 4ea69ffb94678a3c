using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Math.EC;

namespace Ledger.Chain;

/// <summary>The secp256k1 curve as BouncyCastle models it, plus public-key recovery from a signature.</summary>
public static class Secp256k1
{
    private static readonly X9ECParameters Curve = CustomNamedCurves.GetByName("secp256k1");

    internal static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H);

    internal static BigInteger N => Curve.N;

    internal static readonly BigInteger HalfN = Curve.N.ShiftRight(1);

    /// <summary>Recovers the address that produced <paramref name="signature"/> over <paramref name="hash32"/>.</summary>
    public static string RecoverAddress(byte[] hash32, EcdsaSignature signature)
    {
        var point = RecoverPublicKey(hash32, new BigInteger(1, signature.R), new BigInteger(1, signature.S), signature.YParity)
            ?? throw new ArgumentException("The signature does not recover to a public key.", nameof(signature));
        return EthereumAddress.FromPublicKey(Uncompressed(point));
    }

    /// <summary>The 64-byte x‖y encoding of a public point (the 0x04 prefix dropped).</summary>
    internal static byte[] Uncompressed(ECPoint point) => point.Normalize().GetEncoded(false)[1..];

    /// <summary>SEC 1 §4.1.6 with x = r (the r ≥ p − n case has probability ~2⁻¹²⁸ and is not handled).</summary>
    internal static ECPoint? RecoverPublicKey(byte[] hash32, BigInteger r, BigInteger s, int yParity)
    {
        ArgumentNullException.ThrowIfNull(hash32);
        if (hash32.Length != 32 || yParity is < 0 or > 1 || r.SignValue <= 0 || s.SignValue <= 0
            || r.CompareTo(N) >= 0 || s.CompareTo(N) >= 0)
        {
            return null;
        }
        // R is the point with x = r and the given y parity; compressed encoding selects the parity.
        var compressed = new byte[33];
        compressed[0] = (byte)(0x02 + yParity);
        var x = r.ToByteArrayUnsigned();
        x.CopyTo(compressed, 33 - x.Length);
        ECPoint bigR;
        try
        {
            bigR = Curve.Curve.DecodePoint(compressed);
        }
        catch (ArgumentException)
        {
            return null;
        }
        // Q = r⁻¹ (sR − eG)
        var e = new BigInteger(1, hash32);
        var rInverse = r.ModInverse(N);
        var u1 = e.Negate().Mod(N).Multiply(rInverse).Mod(N);
        var u2 = s.Multiply(rInverse).Mod(N);
        var q = ECAlgorithms.SumOfTwoMultiplies(Curve.G, u1, bigR, u2).Normalize();
        return q.IsInfinity ? null : q;
    }

    internal static ECPrivateKeyParameters PrivateKey(BigInteger d) => new(d, Domain);
}
