using Ledger.Core.Records;

namespace Ledger.Api.Access;

/// <summary>
/// What anyone holding a record hash may learn without an account. Every level: that the record exists, its
/// status, its anchor and the issuing agency. L1 (published) records also show their content; for L2–L4 nothing
/// more, not even the type or the time, because for a correction check-in the time is already whereabouts.
/// </summary>
public static class PublicDisclosure
{
    /// <summary>Whether the public view of a record of <paramref name="level"/> includes its domain, type, time and payload.</summary>
    public static bool ShowsContent(DataLevel level) => level == DataLevel.Public;
}
