using System.Text.Json.Nodes;
using Ledger.Core.Records;
using Ledger.Core.Records.Types;

namespace Ledger.Api.Protection;

/// <summary>
/// Which payload field names the data subject of each record type, and so which data key seals it. Records of one
/// subject share a key, so erasing the subject is deleting one key. Types without a subject (the service's own
/// records) share one key per issuer and type, which no erasure targets.
/// </summary>
internal static class RecordSubjects
{
    private static readonly Dictionary<(string Domain, string Type), string> SubjectFields = new()
    {
        [(CommunityCorrectionCheckIn.Definition.Domain, CommunityCorrectionCheckIn.Definition.Type)] = "subjectRef",
        [(VolunteerService.Definition.Domain, VolunteerService.Definition.Type)] = "volunteerRef",
    };

    /// <summary>The highest level among the domain's record types that carry a subject, or null when none does.</summary>
    public static DataLevel? ErasableLevelOf(string domain) =>
        RecordTypes.All.Where(t => t.Domain == domain && SubjectFields.ContainsKey((t.Domain, t.Type)))
            .Select(t => (DataLevel?)t.Level).Max();

    /// <summary>The keyed digest of the subject a record is about (or of its type, when it has no subject field).</summary>
    public static string DigestOf(ProtectionKeys keys, string issuer, string domain, string type, JsonObject payload) =>
        SubjectFields.TryGetValue((domain, type), out var field) && payload[field]?.GetValue<string>() is { } reference
            ? OfSubject(keys, issuer, domain, reference)
            : keys.SubjectDigest(issuer, domain, "type", type);

    /// <summary>The keyed digest of one subject of one issuer in one domain: what an erasure looks up.</summary>
    public static string OfSubject(ProtectionKeys keys, string issuer, string domain, string subjectRef) =>
        keys.SubjectDigest(issuer, domain, "subject", subjectRef);
}
