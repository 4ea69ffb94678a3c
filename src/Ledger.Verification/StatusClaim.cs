using Ledger.Core.Proofs;

namespace Ledger.Verification;

/// <summary>
/// How the verifier reports a bundle's <c>status</c>. The chain shows that a root was anchored, not that a record was
/// later corrected, revoked or erased, so those statuses are the service's statement and are worded as such.
/// </summary>
internal static class StatusClaim
{
    /// <summary>A sentence for the end of the valid line; empty for anchored and confirmed, which the checks cover.</summary>
    public static string Sentence(string status) => status switch
    {
        RecordStatus.Erased => " The service states the record is erased (its payload has been erased); the chain cannot show that, and the commitment above still stands.",
        RecordStatus.Revoked => " The service states the record is revoked (by an anchored revocation record); the chain cannot show that.",
        RecordStatus.Superseded => " The service states the record is superseded by a correction (an anchored record of the same type naming this one); the chain cannot show that, so check the newer record too.",
        _ => "",
    };
}
