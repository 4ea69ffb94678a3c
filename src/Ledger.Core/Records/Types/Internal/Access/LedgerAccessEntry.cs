using Ledger.Core.Records.Schemas;

namespace Ledger.Core.Records.Types.Internal.Access;

/// <summary>
/// ledger/access: one read of a non-public payload — who, with which role and organisation, which record, and why.
/// Each entry names the record hash of the entry before it, so the trail is a hash chain; and each entry is a record,
/// so it is anchored like any other and cannot be quietly dropped or rewritten after its batch is on chain. From version
/// 2, a read that made an evidence package also names the SHA-256 of the package's manifest.
/// </summary>
public static class LedgerAccessEntry
{
    /// <summary>The <c>previous</c> of the first entry: 32 zero bytes.</summary>
    public const string Genesis = "0x0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The record type; L2 because it names staff and their stated purposes. The service writes it; no role submits it.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.Ledger,
        "access",
        DataLevel.Internal,
        "A read of a non-public record's payload: who, when, which record and the stated purpose; chained to the entry before it.")
    {
        Versions =
        [
            new(1, PayloadSchema.Embedded(typeof(LedgerAccessEntry), "access.v1.schema.json")),
            new(2, PayloadSchema.Embedded(typeof(LedgerAccessEntry), "access.v2.schema.json")),
        ],
    };
}
