namespace Ledger.Chain;

/// <summary>Signs 32-byte hashes for one account: the seam where an HSM, a KMS or another library can stand in.</summary>
public interface ITransactionSigner
{
    /// <summary>The EIP-55 address of the signing account.</summary>
    string Address { get; }

    /// <summary>Signs a 32-byte hash (RFC 6979 deterministic, low-s) and returns r, s and the y parity.</summary>
    EcdsaSignature SignHash(byte[] hash32);
}
