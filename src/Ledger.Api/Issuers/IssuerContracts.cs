using Ledger.Api.Paging;

namespace Ledger.Api.Issuers;

/// <summary>
/// The public registry of issuing organisations and their signing keys, as this service knows it. The binding of a key
/// to an organisation is on chain (LedgerAnchor's issuer registry, keyed by <c>organisationHash</c>): check it there
/// with <c>issuerKey(organisationHash, address)</c> or <c>isIssuerKeyValidAt(organisationHash, address, block)</c>.
/// </summary>
/// <param name="ChainId">The chain of the registry; null while the chain is not connected.</param>
/// <param name="Contract">The LedgerAnchor contract that holds the registry; null while the chain is not connected.</param>
/// <param name="Organisations">The organisations on this page, in order of id, each with its keys, current first.</param>
/// <param name="Page">The next page's cursor and how many organisations there are.</param>
public sealed record IssuerRegistryView(ulong? ChainId, string? Contract, IReadOnlyList<IssuerView> Organisations, PageInfo Page);

/// <summary>An organisation and the keys it signs records with.</summary>
/// <param name="Organisation">The organisation id, as in records and proof bundles.</param>
/// <param name="OrganisationHash">keccak256 of the id's UTF-8 bytes: the organisation's key in the on-chain registry.</param>
/// <param name="Name">Display name.</param>
/// <param name="Kind">market-supervision, judicial, community, audit or operator.</param>
/// <param name="AreaCode">Its jurisdiction (6-digit administrative division code).</param>
/// <param name="Keys">Its signing keys; empty until it issues its first record.</param>
public sealed record IssuerView(string Organisation, string OrganisationHash, string Name, string Kind, string AreaCode, IReadOnlyList<IssuerKeyView> Keys);

/// <summary>One signing key and the blocks in which it is valid.</summary>
/// <param name="Address">The key's Ethereum address.</param>
/// <param name="Status">
/// <c>pending</c> (its registration rides with the next anchored batch), <c>registered</c>, <c>retiring</c> (retired here,
/// its retirement not yet on chain) or <c>retired</c>.
/// </param>
/// <param name="ValidFromBlock">The block that registered it on chain, once it is.</param>
/// <param name="ValidUntilBlock">The last block in which it is valid, once its retirement is on chain.</param>
/// <param name="RegisteredInTx">The transaction that registered it.</param>
/// <param name="RetiredInTx">The transaction that retired it.</param>
/// <param name="CreatedAt">When the service created the key.</param>
/// <param name="RetiredAt">When it was retired here (rotation).</param>
public sealed record IssuerKeyView(
    string Address,
    string Status,
    ulong? ValidFromBlock,
    ulong? ValidUntilBlock,
    string? RegisteredInTx,
    string? RetiredInTx,
    DateTimeOffset CreatedAt,
    DateTimeOffset? RetiredAt);
