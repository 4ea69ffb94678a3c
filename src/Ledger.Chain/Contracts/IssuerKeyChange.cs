using System.Text;
using Ledger.Chain.Contracts;
using Ledger.Core.Hashing;
using Nethereum.Contracts;

namespace Ledger.Chain;

/// <summary>
/// A change to LedgerAnchor's issuer registry: register <paramref name="Key"/> as a signing key of an organisation, or
/// retire it. The organisation is named on chain only by <see cref="OrganisationHash"/> of its id.
/// </summary>
/// <param name="OrganisationId">The organisation id, as it appears in records and proof bundles.</param>
/// <param name="Key">The signing key's address.</param>
/// <param name="Retire">True to retire the key, false to register it.</param>
public sealed record IssuerKeyChange(string OrganisationId, string Key, bool Retire)
{
    /// <summary>keccak256 of the organisation id's UTF-8 bytes (ethers' <c>id(organisationId)</c>): the registry's key.</summary>
    public static byte[] OrganisationHash(string organisationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(organisationId);
        return Keccak256.Hash(Encoding.UTF8.GetBytes(organisationId));
    }

    /// <summary>The registerIssuerKey or retireIssuerKey calldata for this change.</summary>
    public byte[] EncodeCall()
    {
        var key = EthereumAddress.Normalize(Key);
        return Retire
            ? new RetireIssuerKeyFunction { Organisation = OrganisationHash(OrganisationId), Key = key }.GetCallData()
            : new RegisterIssuerKeyFunction { Organisation = OrganisationHash(OrganisationId), Key = key }.GetCallData();
    }
}

/// <summary>The blocks in which a key is a registered signing key of an organisation (0 = never registered / not retired).</summary>
/// <param name="ValidFromBlock">The block of registration; 0 when the key was never registered for the organisation.</param>
/// <param name="ValidUntilBlock">The block of retirement (inclusive); 0 while the key is current.</param>
public sealed record IssuerKeyValidity(ulong ValidFromBlock, ulong ValidUntilBlock)
{
    /// <summary>True when the key was registered at all.</summary>
    public bool IsRegistered => ValidFromBlock != 0;

    /// <summary>True when <paramref name="block"/> lies within the key's validity (the contract's isIssuerKeyValidAt).</summary>
    public bool CoversBlock(ulong block) => IsRegistered && block >= ValidFromBlock && (ValidUntilBlock == 0 || block <= ValidUntilBlock);
}
