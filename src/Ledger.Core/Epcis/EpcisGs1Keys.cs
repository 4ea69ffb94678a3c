using System.Text.Json;

namespace Ledger.Core.Epcis;

/// <summary>
/// The GS1 keys of a capture document's events, each judged by <see cref="Gs1KeyCheck"/>: every identifier the ledger
/// indexes or traces by — <c>parentID</c>, the four EPC lists, the <c>epcClass</c> of the four quantity lists,
/// <c>bizLocation.id</c>, <c>readPoint.id</c>, and the values of <c>sourceList</c> and <c>destinationList</c> — that
/// claims to be a GS1 key must be a well-formed one. Each one that is not is an error naming its event and field.
/// </summary>
internal static class EpcisGs1Keys
{
    private const int MaxErrors = 100;

    private static readonly string[] EpcLists = ["epcList", "childEPCs", "inputEPCList", "outputEPCList"];
    private static readonly string[] QuantityLists = ["quantityList", "childQuantityList", "inputQuantityList", "outputQuantityList"];
    private static readonly (string List, string Member)[] Places = [("bizLocation", "id"), ("readPoint", "id")];
    private static readonly (string List, string Member)[] Parties = [("sourceList", "source"), ("destinationList", "destination")];

    /// <summary>
    /// Every malformed GS1 key in the events of <paramref name="document"/> (a capture document the schema has passed),
    /// in document order; at most 100, and then one more error for the document saying there are more.
    /// </summary>
    public static IReadOnlyList<EpcisError> Check(JsonElement document)
    {
        var errors = new List<EpcisError>();
        var index = 0;
        var more = false;
        foreach (var e in document.GetProperty("epcisBody").GetProperty("eventList").EnumerateArray())
        {
            foreach (var (field, value) in Identifiers(e))
            {
                if (Gs1KeyCheck.Problem(value) is not { } problem)
                {
                    continue;
                }
                if (errors.Count == MaxErrors)
                {
                    more = true;
                    break;
                }
                errors.Add(new EpcisError(index, $"$.epcisBody.eventList[{index}].{field}", field, $"{Shown(value)} is not a well-formed GS1 key: {problem}"));
            }
            if (more)
            {
                errors.Add(EpcisError.Document("$.epcisBody.eventList", $"holds more malformed GS1 keys than the {MaxErrors} listed; correct these and send the document again"));
                break;
            }
            index++;
        }
        return errors;
    }

    /// <summary>The event's identifiers that name things, places and parties, each with its field (<c>epcList[1]</c>).</summary>
    private static IEnumerable<(string Field, string Value)> Identifiers(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }
        if (e.TryGetProperty("parentID", out var parent) && parent.ValueKind == JsonValueKind.String)
        {
            yield return ("parentID", parent.GetString()!);
        }
        foreach (var list in EpcLists)
        {
            foreach (var (i, item) in Items(e, list))
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    yield return ($"{list}[{i}]", item.GetString()!);
                }
            }
        }
        foreach (var list in QuantityLists)
        {
            foreach (var (i, item) in Items(e, list))
            {
                if (Text(item, "epcClass") is { } epcClass)
                {
                    yield return ($"{list}[{i}].epcClass", epcClass);
                }
            }
        }
        foreach (var (name, member) in Places)
        {
            if (e.TryGetProperty(name, out var place) && Text(place, member) is { } id)
            {
                yield return ($"{name}.{member}", id);
            }
        }
        foreach (var (list, member) in Parties)
        {
            foreach (var (i, item) in Items(e, list))
            {
                if (Text(item, member) is { } party)
                {
                    yield return ($"{list}[{i}].{member}", party);
                }
            }
        }
    }

    private static IEnumerable<(int Index, JsonElement Item)> Items(JsonElement e, string name) =>
        e.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().Select((item, i) => (i, item)) : [];

    private static string? Text(JsonElement json, string name) =>
        json.ValueKind == JsonValueKind.Object && json.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Shown(string value) => value.Length <= 80 ? $"\"{value}\"" : "the value";
}
