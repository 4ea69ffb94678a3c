using Ledger.Core.Records;

namespace Ledger.Api.Access;

/// <summary>
/// What anyone holding a record hash may learn without an account. Every level: that the record exists, its status,
/// its anchor (all on chain anyway) and who signed it — organisation id, signing address and signature, which the
/// public needs to check the signature. L1 (published) records also show their level, the agency's name, their
/// content and times. For L2–L4 nothing more: the level names the record type, and for a correction check-in the
/// time alone is whereabouts.
/// </summary>
public static class PublicDisclosure
{
    /// <summary>Whether the public view of a record of <paramref name="level"/> includes its level, agency name, domain, type, times and payload.</summary>
    public static bool ShowsContent(DataLevel level) => level == DataLevel.Public;
}
