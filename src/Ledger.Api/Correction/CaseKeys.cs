using Ledger.Api.Protection;
using Ledger.Core.Records;

namespace Ledger.Api.Correction;

/// <summary>
/// How a case is found without its reference being stored: a keyed digest of the jurisdiction and the reference
/// (HMAC under the service's subject-index secret, <see cref="ProtectionKeys.SubjectDigest"/>). A case reference is
/// unique in its jurisdiction; the same reference elsewhere is another case, and unreachable from here.
/// </summary>
internal static class CaseKeys
{
    /// <summary>The digest of the case <paramref name="caseRef"/> of jurisdiction <paramref name="areaCode"/>.</summary>
    public static string DigestOf(ProtectionKeys keys, string areaCode, string caseRef) =>
        keys.SubjectDigest($"area:{areaCode}", RecordDomains.CommunityCorrection, "case", caseRef);
}
