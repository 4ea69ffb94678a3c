using System.Text.RegularExpressions;
using Ledger.Core.Records.Schema;

namespace Ledger.Core.Records.Types;

/// <summary>
/// ledger/access: one read of a non-public payload — who, with which role and organisation, which record, and why.
/// Each entry names the record hash of the entry before it, so the trail is a hash chain; and each entry is a record,
/// so it is anchored like any other and cannot be quietly dropped or rewritten after its batch is on chain.
/// </summary>
public static partial class LedgerAccessEntry
{
    /// <summary>The <c>previous</c> of the first entry: 32 zero bytes.</summary>
    public const string Genesis = "0x0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The record type; L2 because it names staff and their stated purposes.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        InternalRecordTypes.Domain,
        "access",
        DataLevel.Internal,
        "A read of a non-public record's payload: who, when, which record and the stated purpose; chained to the entry before it.")
    {
        Fields =
        [
            new TextField("keyId", true, "Public id of the reader's credential.", 200),
            new TextField("role", true, "The reader's role.", 64),
            new TextField("organisation", true, "The organisation the reader acted for.", 128),
            new TextField("staffId", false, "The reader's staff account, when the credential has one.", 64),
            new TextField("recordId", true, "Id of the record whose payload was read.", 36),
            new TextField("recordHash", true, "Hash of the record whose payload was read.", 66) { MinLength = 66, Pattern = Hash(), PatternHint = "0x and 64 lower-case hex digits" },
            new TextField("purpose", false, "The purpose stated in X-Access-Purpose; required for L4 reads.", 200),
            new TextField("previous", true, "Record hash of the previous entry of the trail; 32 zero bytes for the first.", 66) { MinLength = 66, Pattern = Hash(), PatternHint = "0x and 64 lower-case hex digits" },
        ],
    };

    [GeneratedRegex("^0x[0-9a-f]{64}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Hash();
}
