using System.Globalization;
using System.Text.Json.Nodes;
using Ledger.Core.Records.Types.CommunityCorrection.Compliance;

namespace Ledger.Core.Records.Types.CommunityCorrection.Evidence;

/// <summary>
/// The case as an evidence package holds it, for the compliance engine: its records' envelopes in chain order, a record
/// standing unless a revocation in the package (a link of the chain, or listed beside it) names it or a later record of
/// the package corrects it. The service
/// computes the package's alerts from exactly this, and whoever checks the package computes them again from the same.
/// </summary>
public static class EvidenceCaseFile
{
    /// <summary>The case file of <paramref name="envelopes"/> (chain order), given the hashes the package's revocations revoke.</summary>
    public static CaseFile From(string caseRef, IReadOnlyList<(string RecordHash, JsonObject Envelope)> envelopes, IReadOnlySet<string> revoked)
    {
        var corrected = envelopes.Select(e => e.Envelope[EnvelopeFields.Supersedes]?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var withdrawn = RevokedBy(envelopes).Keys.Concat(revoked).ToHashSet(StringComparer.Ordinal);
        return new CaseFile(caseRef, [.. envelopes.Where(e => IsCaseRecord(e.Envelope)).Select(e => new CaseEntry(
            e.RecordHash,
            e.Envelope[EnvelopeFields.Type]!.GetValue<string>(),
            DateTimeOffset.Parse(e.Envelope[EnvelopeFields.OccurredAt]!.GetValue<string>(), CultureInfo.InvariantCulture),
            e.Envelope[EnvelopeFields.Payload]!.AsObject(),
            !withdrawn.Contains(e.RecordHash) && !corrected.Contains(e.RecordHash)))]);
    }

    /// <summary>Whether <paramref name="envelope"/> is one of the case's own records, not a revocation in its chain.</summary>
    public static bool IsCaseRecord(JsonObject envelope) =>
        envelope[EnvelopeFields.Domain]?.GetValue<string>() == RecordDomains.CommunityCorrection;

    /// <summary>The revocations among <paramref name="envelopes"/> (links of the chain): revoked record hash → revocation's hash.</summary>
    public static IReadOnlyDictionary<string, string> RevokedBy(IEnumerable<(string RecordHash, JsonObject Envelope)> envelopes)
    {
        var revoked = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (hash, envelope) in envelopes)
        {
            if (envelope[EnvelopeFields.Domain]?.GetValue<string>() == RecordDomains.Ledger && envelope[EnvelopeFields.Type]?.GetValue<string>() == RevocationType
                && envelope[EnvelopeFields.Payload]?[RevokedRecordField] is JsonValue value && value.TryGetValue<string>(out var revokedHash))
            {
                revoked.TryAdd(revokedHash, hash);
            }
        }
        return revoked;
    }

    /// <summary>The type of a ledger/revocation record, a link of the case's chain when it revokes one of its records.</summary>
    public const string RevocationType = "revocation";

    /// <summary>The revocation payload's member naming the revoked record's hash.</summary>
    public const string RevokedRecordField = "revokedRecord";

    /// <summary>The alerts of the range: computed as of the start of the day after <paramref name="to"/>, those dated from <paramref name="from"/>.</summary>
    public static IReadOnlyList<ComplianceAlert> AlertsOf(CaseFile file, DateOnly from, DateOnly to) =>
        [.. ComplianceEngine.Evaluate(file, AsOf(to)).Where(a => from <= a.Date && a.Date <= to)];

    /// <summary>The instant a range's alerts are computed at.</summary>
    public static DateTimeOffset AsOf(DateOnly to) => CorrectionCalendar.StartOf(to.AddDays(1));
}
