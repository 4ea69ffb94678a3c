using System.Text;
using System.Text.Json;

namespace Ledger.Core.Epcis;

/// <summary>
/// Writes the CBV 2.0 pre-hash string of one EPCIS event in JSON: <c>eventType=…</c>, the standard fields in the
/// canonical property order, then business transactions, sources, destinations, ILMD and user extensions as sorted
/// <c>{namespace}name=value</c> strings. Values are normalised by <see cref="PreHashValue"/>.
/// </summary>
internal sealed class PreHashWriter(JsonLdPrefixes prefixes, IReadOnlySet<string> ignoredFields)
{
    private static readonly HashSet<string> EventOrderNames = [.. PreHashField.EventOrder.Select(f => f.Name)];

    /// <summary>The pre-hash string of <paramref name="evt"/>, an event object.</summary>
    public string Write(JsonElement evt)
    {
        var value = new PreHashValue(evt.TryGetProperty("@context", out var context) ? prefixes.With(context) : prefixes);
        var text = new StringBuilder(1024).Append("eventType=");
        if (evt.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
        {
            text.Append(type.GetString());
        }
        AppendFields(text, evt, PreHashField.EventOrder, parent: null, value);
        var rest = new List<string>();
        foreach (var property in evt.EnumerateObject())
        {
            if (EventOrderNames.Contains(property.Name) || PreHashField.Excluded.Contains(property.Name) || IsSkipped(property.Name))
            {
                continue;
            }
            var name = value.Prefixes.PropertyName(property.Name);
            if (!ignoredFields.Contains(name))
            {
                Generic(name, property.Name, property.Value, rest, value);
            }
        }
        return AppendSorted(text, rest).ToString();
    }

    // JSON-LD keywords and comments carry no event data.
    private static bool IsSkipped(string name) => name.StartsWith('@') || name is "comment" or "rdfs:comment" or "#text";

    private static void AppendFields(StringBuilder text, JsonElement obj, PreHashField[] order, string? parent, PreHashValue value)
    {
        foreach (var field in order)
        {
            if (obj.TryGetProperty(field.Name, out var element))
            {
                text.Append(Render(field, element, parent, value));
            }
        }
    }

    private static string Render(PreHashField field, JsonElement element, string? parent, PreHashValue value)
    {
        switch (field.Shape)
        {
            case PreHashShape.Value or PreHashShape.Time when element.ValueKind is JsonValueKind.Object:
                var generic = new List<string>();
                Generic(field.Name, field.Name, element, generic, value);
                return string.Concat(generic);
            case PreHashShape.Value or PreHashShape.Time:
                var vocabulary = CbvVocabulary.BarePrefix(parent, field.Name);
                return Joined("", Items(element).Select(item => value.Text(item, field.Shape == PreHashShape.Time, vocabulary) is { Length: > 0 } v ? $"{field.Name}={v}" : ""));
            case PreHashShape.EpcList:
                return Joined(field.Name, Items(element).Select(item => value.Text(item, time: false, null) is { Length: > 0 } v ? "epc=" + v : ""));
            case PreHashShape.QuantityList:
                return Joined(field.Name, Items(element).Select(item => ObjectText("quantityElement", item, field.Children!, value)));
            case PreHashShape.Object:
                return ObjectText(field.Name, element, field.Children!, value);
            case PreHashShape.ObjectArray:
                return Joined("", Items(element).Select(item => ObjectText(field.Name, item, field.Children!, value)));
            case PreHashShape.ObjectList:
                return Joined(field.Name, Items(element).Select(item => ObjectText(field.ItemName!, item, field.Children!, value)));
            default:
                throw new InvalidOperationException($"Unknown shape {field.Shape}.");
        }
    }

    // The name, the object's standard fields in order, its other fields (extensions) sorted; empty when it has none.
    private static string ObjectText(string name, JsonElement obj, PreHashField[] order, PreHashValue value)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            return value.Text(obj, time: false, null) is { Length: > 0 } v ? $"{name}={v}" : "";
        }
        var text = new StringBuilder();
        AppendFields(text, obj, order, name, value);
        var extensions = new List<string>();
        foreach (var property in obj.EnumerateObject())
        {
            if (!IsSkipped(property.Name) && Array.FindIndex(order, f => f.Name == property.Name) < 0)
            {
                Generic(value.Prefixes.PropertyName(property.Name), property.Name, property.Value, extensions, value);
            }
        }
        AppendSorted(text, extensions);
        return text.Length == 0 ? "" : text.Insert(0, name).ToString();
    }

    /// <summary>
    /// Any field outside the canonical order, as the reference implementation reads JSON into its XML-shaped model:
    /// an array repeats its name per item, except a <c>…List</c> array, which is written once with its items under the
    /// name without <c>List</c>; an object is its name and its fields sorted.
    /// </summary>
    private static void Generic(string name, string rawName, JsonElement element, List<string> into, PreHashValue value)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return;
            case JsonValueKind.Array when rawName.EndsWith("List", StringComparison.Ordinal):
                var items = new List<string>();
                var typedKey = rawName switch { "bizTransactionList" => "bizTransaction", "sourceList" => "source", "destinationList" => "destination", _ => null };
                foreach (var item in element.EnumerateArray())
                {
                    if (typedKey is not null && item.ValueKind == JsonValueKind.Object)
                    {
                        items.Add(TypedEntry(typedKey, item, value));
                    }
                    else
                    {
                        Generic(name[..^4], rawName[..^4], item, items, value);
                    }
                }
                into.Add(AppendSorted(new StringBuilder(name), items).ToString());
                return;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Generic(name, rawName, item, into, value);
                }
                return;
            case JsonValueKind.Object:
                var fields = new List<string>();
                foreach (var property in element.EnumerateObject())
                {
                    if (!IsSkipped(property.Name))
                    {
                        Generic(value.Prefixes.PropertyName(property.Name), property.Name, property.Value, fields, value);
                    }
                }
                into.Add(AppendSorted(new StringBuilder(name), fields).ToString());
                return;
            default:
                var text = value.Text(element, time: false, null);
                into.Add(text.Length == 0 ? name : $"{name}={text}");
                return;
        }
    }

    // A business transaction, source or destination: its type first, then its value (CBV 2.0's rule for typed fields).
    private static string TypedEntry(string key, JsonElement item, PreHashValue value)
    {
        var text = new StringBuilder();
        if (item.TryGetProperty("type", out var type) && value.Text(type, time: false, CbvVocabulary.BarePrefix(key, "type")) is { Length: > 0 } t)
        {
            text.Append("type=").Append(t);
        }
        if (item.TryGetProperty(key, out var id) && value.Text(id, time: false, null) is { Length: > 0 } v)
        {
            text.Append(key).Append('=').Append(v);
        }
        var extensions = new List<string>();
        foreach (var property in item.EnumerateObject())
        {
            if (property.Name != "type" && property.Name != key && !IsSkipped(property.Name))
            {
                Generic(value.Prefixes.PropertyName(property.Name), property.Name, property.Value, extensions, value);
            }
        }
        return AppendSorted(text, extensions).ToString();
    }

    private static IEnumerable<JsonElement> Items(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : [element];

    private static string Joined(string name, IEnumerable<string> parts)
    {
        var list = parts.Where(p => p.Length > 0).ToList();
        return list.Count == 0 ? "" : AppendSorted(new StringBuilder(name), list).ToString();
    }

    private static StringBuilder AppendSorted(StringBuilder text, List<string> parts)
    {
        parts.Sort(CodePointOrder.Instance);
        foreach (var part in parts)
        {
            text.Append(part);
        }
        return text;
    }
}
