using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json.Nodes;
using Ledger.Core.Records.Schemas.Formats;

namespace Ledger.Core.Records;

/// <summary>
/// The record types the ledger knows: those staff submit, and the service's own (erasures, the access trail). Built
/// once from the modules under <c>Records/Types/</c>, found by what they are (<see cref="ModulesIn"/>), so adding a
/// type is adding its folder and nothing else; the constructor refuses a catalogue whose modules contradict
/// themselves (a repeated name, a gap in the versions, a schema that names another type, a subject field the schema
/// does not require), so such a mistake stops the first test rather than a submission.
/// </summary>
public sealed class RecordTypeCatalog
{
    private readonly Dictionary<(string Domain, string Type), RecordTypeDefinition> _byName = [];

    /// <summary>Builds a catalogue from type definitions, checking each.</summary>
    /// <exception cref="InvalidOperationException">A definition contradicts itself or another.</exception>
    public RecordTypeCatalog(IEnumerable<RecordTypeDefinition> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        All = [.. types];
        foreach (var type in All)
        {
            Check(type);
            if (!_byName.TryAdd((type.Domain, type.Type), type))
            {
                throw new InvalidOperationException($"The record type {type.Name} is defined twice.");
            }
        }
        Submittable = [.. All.Where(t => t.IsSubmittable)];
    }

    /// <summary>The ledger's record types: every module of this assembly.</summary>
    public static RecordTypeCatalog Default { get; } = new(ModulesIn(typeof(RecordTypeCatalog).Assembly));

    /// <summary>
    /// The record types an assembly defines: each static class with a public static <see cref="RecordTypeDefinition"/>
    /// property named <c>Definition</c> is one module. In a stable order for docs and lists: the submitted types
    /// first, then the service's own, each by domain and type.
    /// </summary>
    public static IReadOnlyList<RecordTypeDefinition> ModulesIn(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return [.. assembly.GetTypes()
            .Where(t => t is { IsAbstract: true, IsSealed: true })
            .Select(t => t.GetProperty("Definition", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(RecordTypeDefinition))
            .Select(p => (RecordTypeDefinition)p!.GetValue(null)!)
            .OrderBy(d => d.IsSubmittable ? 0 : 1)
            .ThenBy(d => d.Domain, StringComparer.Ordinal)
            .ThenBy(d => d.Type, StringComparer.Ordinal)];
    }

    /// <summary>Every type, submitted or internal.</summary>
    public IReadOnlyList<RecordTypeDefinition> All { get; }

    /// <summary>The types some role submits through the API.</summary>
    public IReadOnlyList<RecordTypeDefinition> Submittable { get; }

    /// <summary>The <c>$id</c> a type's schema of a version must declare, e.g. <c>urn:ledger:record-type:food-safety:inspection:v1</c>.</summary>
    public static string SchemaId(string domain, string type, int version) => $"urn:ledger:record-type:{domain}:{type}:v{version}";

    /// <summary>Finds any type, submitted or internal, by its envelope <c>domain</c> and <c>type</c> (exact, case-sensitive).</summary>
    public bool TryGet(string domain, string type, [MaybeNullWhen(false)] out RecordTypeDefinition definition) =>
        _byName.TryGetValue((domain, type), out definition);

    /// <summary>Finds a type that some role submits; the service's own types are not found here.</summary>
    public bool TryGetSubmittable(string domain, string type, [MaybeNullWhen(false)] out RecordTypeDefinition definition) =>
        TryGet(domain, type, out definition) && definition.IsSubmittable;

    /// <summary>
    /// Every problem with an envelope's payload under the type and version the envelope names — the schema the record
    /// was written with, not necessarily the current one.
    /// </summary>
    public IReadOnlyList<PayloadError> Validate(RecordEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (!TryGet(envelope.Domain, envelope.Type, out var definition))
        {
            return [new PayloadError(EnvelopeFields.Type, $"{envelope.Domain}/{envelope.Type} is not a record type of this ledger")];
        }
        return definition.TryGetVersion(envelope.TypeVersion, out var version)
            ? version.Validate(envelope.Payload)
            : [new PayloadError(EnvelopeFields.TypeVersion, $"{definition.Name} has no version {envelope.TypeVersion}; it has 1 to {definition.Versions.Count}")];
    }

    private static void Check(RecordTypeDefinition type)
    {
        if (!EnvelopeRules.IsName(type.Domain) || !EnvelopeRules.IsName(type.Type))
        {
            throw new InvalidOperationException($"{type.Name}: domain and type must be lower-case names as the envelope allows them.");
        }
        if (type.Permissions.Select(g => g.Problem()).FirstOrDefault(p => p is not null) is { } problem)
        {
            throw new InvalidOperationException($"{type.Name}: {problem}.");
        }
        if (type.Versions.Count == 0)
        {
            throw new InvalidOperationException($"{type.Name} has no version.");
        }
        for (var i = 0; i < type.Versions.Count; i++)
        {
            var version = type.Versions[i];
            if (version.Number != i + 1)
            {
                throw new InvalidOperationException($"{type.Name}: versions must be numbered 1, 2, … in order; found {version.Number} in place {i + 1}.");
            }
            var expected = SchemaId(type.Domain, type.Type, version.Number);
            if (version.Schema.Id != expected)
            {
                throw new InvalidOperationException($"{type.Name} v{version.Number}: its schema's $id is {version.Schema.Id}, not {expected}; was it copied from another file?");
            }
            if (type.SubjectField is { } subject && !RequiresReference(version.Schema.Copy(), subject))
            {
                throw new InvalidOperationException(
                    $"{type.Name} v{version.Number}: the subject field '{subject}' must be a required property with format {PseudonymousRef.Name}; erasure finds records by it.");
            }
            if (version.Chained && (type.SubjectField is null || !Requires(version.Schema.Copy(), Chains.ChainLink.Field)))
            {
                throw new InvalidOperationException(
                    $"{type.Name} v{version.Number}: a chained version needs a subject field (its chain's key) and a schema that requires '{Chains.ChainLink.Field}'.");
            }
        }
    }

    private static bool RequiresReference(JsonObject schema, string field) =>
        Requires(schema, field) && schema["properties"]?[field]?["format"]?.GetValue<string>() == PseudonymousRef.Name;

    private static bool Requires(JsonObject schema, string field) => (schema["required"] as JsonArray ?? []).Any(n => n?.GetValue<string>() == field);
}
