using System.Text.Json.Nodes;
using Ledger.Core.Records;

namespace Ledger.Api.Protection;

/// <summary>
/// Which data key seals a record: the one of its data subject (named by the type's
/// <see cref="RecordTypeDefinition.SubjectField"/>), so erasing the subject is deleting one key. Types without a subject
/// (the service's own records) share one key per issuer and type, which no erasure targets.
/// </summary>
internal static class RecordSubjects
{
    /// <summary>The highest level among the domain's record types that carry a subject, or null when none does.</summary>
    public static DataLevel? ErasableLevelOf(string domain) =>
        RecordTypeCatalog.Default.All.Where(t => t.Domain == domain && t.SubjectField is not null)
            .Select(t => (DataLevel?)t.Level).Max();

    /// <summary>The keyed digest of the subject a record is about (or of its type, when it has no subject field).</summary>
    public static string DigestOf(ProtectionKeys keys, string issuer, string domain, string type, JsonObject payload) =>
        RecordTypeCatalog.Default.TryGet(domain, type, out var definition) && definition.SubjectField is { } field
            && payload[field]?.GetValue<string>() is { } reference
            ? OfSubject(keys, issuer, domain, reference)
            : keys.SubjectDigest(issuer, domain, "type", type);

    /// <summary>The keyed digest of the person a record is about, or null when its type has no subject field.</summary>
    public static string? SubjectOf(ProtectionKeys keys, string issuer, RecordTypeDefinition definition, JsonObject payload) =>
        definition.SubjectField is { } field && payload[field]?.GetValue<string>() is { } reference
            ? OfSubject(keys, issuer, definition.Domain, reference)
            : null;

    /// <summary>The keyed digest of one subject of one issuer in one domain: what an erasure looks up.</summary>
    public static string OfSubject(ProtectionKeys keys, string issuer, string domain, string subjectRef) =>
        keys.SubjectDigest(issuer, domain, "subject", subjectRef);
}
