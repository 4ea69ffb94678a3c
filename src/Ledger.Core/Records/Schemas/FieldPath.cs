using System.Globalization;
using System.Text;

namespace Ledger.Core.Records.Schemas;

/// <summary>
/// A place in a payload as errors name it: <c>items[2].unit</c>. Built from the JSON Pointers JsonSchema.Net reports
/// and the JSON paths the canonicalizer reports; long names are cut so an error carries only a fragment of input.
/// </summary>
internal sealed class FieldPath(IReadOnlyList<FieldPath.Segment> segments)
{
    private const int MaxNameInPath = 32;

    public static FieldPath Root { get; } = new([]);

    public IReadOnlyList<Segment> Segments { get; } = segments;

    /// <summary>One step: a property name, or an array index when <see cref="Index"/> is set.</summary>
    public readonly record struct Segment(string Name, int? Index);

    public FieldPath Child(string name) => new([.. Segments, new Segment(name, null)]);

    public FieldPath Item(int index) => new([.. Segments, new Segment(index.ToString(CultureInfo.InvariantCulture), index)]);

    public FieldPath Parent => new([.. Segments.Take(Segments.Count - 1)]);

    /// <summary>The segments of an RFC 6901 pointer, read against <paramref name="instance"/> to tell indexes from names.</summary>
    public static FieldPath FromPointer(string pointer, System.Text.Json.JsonElement instance)
    {
        var segments = new List<Segment>();
        if (pointer.Length == 0)
        {
            return new(segments);
        }
        var current = instance;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var name = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == System.Text.Json.JsonValueKind.Array && int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                segments.Add(new Segment(name, index));
                current = index < current.GetArrayLength() ? current[index] : default;
            }
            else
            {
                segments.Add(new Segment(name, null));
                current = current.ValueKind == System.Text.Json.JsonValueKind.Object && current.TryGetProperty(name, out var child) ? child : default;
            }
        }
        return new(segments);
    }

    /// <summary>The path of a canonicalizer error (<c>$.items[2].unit</c>) without its leading <c>$</c>.</summary>
    public static string FromJsonPath(string jsonPath) =>
        jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var segment in Segments)
        {
            if (segment.Index is { } index)
            {
                text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
                continue;
            }
            if (text.Length > 0)
            {
                text.Append('.');
            }
            text.Append(segment.Name.Length <= MaxNameInPath ? segment.Name : segment.Name[..MaxNameInPath] + "…");
        }
        return text.ToString();
    }
}
