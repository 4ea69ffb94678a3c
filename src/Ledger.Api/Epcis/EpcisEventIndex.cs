using System.Globalization;
using System.Text.Json;
using Ledger.Core.Epcis;
using Ledger.Data.Epcis;

namespace Ledger.Api.Epcis;

/// <summary>
/// The index rows of one event: its time, step, place and the identifiers it names by role, all in the canonical forms
/// the event hash uses (CBV Web URIs, constrained Digital Link URIs), so a query in either spelling finds it.
/// </summary>
internal sealed record EpcisEventIndex(EpcisEventEntry Entry, IReadOnlyList<(string Role, string Identifier)> Identifiers)
{
    private static readonly (string Field, string Role)[] EpcLists =
    [
        ("epcList", EpcisIdentifierRoles.Epc), ("childEPCs", EpcisIdentifierRoles.Child),
        ("inputEPCList", EpcisIdentifierRoles.Input), ("outputEPCList", EpcisIdentifierRoles.Output),
    ];

    private static readonly (string Field, string Role)[] QuantityLists =
    [
        ("quantityList", EpcisIdentifierRoles.Quantity), ("childQuantityList", EpcisIdentifierRoles.ChildQuantity),
        ("inputQuantityList", EpcisIdentifierRoles.InputQuantity), ("outputQuantityList", EpcisIdentifierRoles.OutputQuantity),
    ];

    /// <summary>The rows for <paramref name="e"/>, to be written with record <paramref name="recordId"/>.</summary>
    public static EpcisEventIndex Of(EpcisEvent e, string recordId, string captureId)
    {
        var json = e.Json;
        var identifiers = new List<(string, string)>();
        if (Text(json, "parentID") is { } parent)
        {
            identifiers.Add((EpcisIdentifierRoles.Parent, Canonical(parent)));
        }
        foreach (var (field, role) in EpcLists)
        {
            foreach (var item in Items(json, field))
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    identifiers.Add((role, Canonical(item.GetString()!)));
                }
            }
        }
        foreach (var (field, role) in QuantityLists)
        {
            foreach (var item in Items(json, field))
            {
                if (item.ValueKind == JsonValueKind.Object && Text(item, "epcClass") is { } epcClass)
                {
                    identifiers.Add((role, Canonical(epcClass)));
                }
            }
        }
        var entry = new EpcisEventEntry
        {
            RecordId = recordId,
            CaptureId = captureId,
            EventHashId = e.HashId,
            EventId = Text(json, "eventID"),
            EventType = e.Type,
            EventTimeMs = EventTime(e).ToUnixTimeMilliseconds(),
            BizStep = Text(json, "bizStep") is { } step ? BizStep(step) : null,
            BizLocation = json.TryGetProperty("bizLocation", out var place) && Text(place, "id") is { } id ? Canonical(id) : null,
            Action = Text(json, "action"),
            DeclaresError = e.IsErrorDeclaration,
        };
        return new EpcisEventIndex(entry, [.. identifiers.Distinct()]);
    }

    /// <summary>When the event happened, to the millisecond (the schema has already checked the format).</summary>
    public static DateTimeOffset EventTime(EpcisEvent e)
    {
        var instant = DateTimeOffset.Parse(e.Json.GetProperty("eventTime").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return DateTimeOffset.FromUnixTimeMilliseconds(instant.ToUnixTimeMilliseconds());
    }

    /// <summary>A GS1 identifier in its canonical Digital Link form; any other URI as written.</summary>
    public static string Canonical(string identifier) => Gs1Identifier.TryParse(identifier.Trim())?.Canonical ?? identifier.Trim();

    /// <summary>A business step in its CBV Web URI form, whether sent bare, as a CBV URN or as the URI.</summary>
    public static string BizStep(string value) => value.Trim() is var v && v.StartsWith("cbv:", StringComparison.Ordinal)
        ? CbvVocabulary.CbvBase + v[4..]
        : CbvVocabulary.BizStep(v);

    private static string? Text(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IEnumerable<JsonElement> Items(JsonElement json, string name) =>
        json.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : [];
}
