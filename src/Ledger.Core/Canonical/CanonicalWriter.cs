using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ledger.Core.Canonical;

/// <summary>Writes a <see cref="JsonNode"/> tree as RFC 8785 canonical text, checking it as strictly as the parser does.</summary>
internal sealed class CanonicalWriter
{
    // What RFC 8785 escapes in a string: the quote, the backslash and the C0 controls. Everything else is literal.
    private static readonly SearchValues<char> Escaped = SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f" +
        "\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    // One builder per thread, reused: every record is canonicalised three times (the body, the payload for its schema,
    // the envelope), and a builder grown from empty each time was a tenth of ingest's allocations (docs/benchmarks.md).
    // Taken while in use, so a nested write gets its own.
    [ThreadStatic]
    private static StringBuilder? t_spare;

    private readonly StringBuilder _out;
    private readonly NumberPolicy _numbers;
    private readonly JsonPath _path = new();

    private CanonicalWriter(NumberPolicy numbers, StringBuilder output)
    {
        _numbers = numbers;
        _out = output;
    }

    public static string Write(JsonNode? node, NumberPolicy numbers)
    {
        var output = t_spare ?? new StringBuilder(1024);
        t_spare = null;
        try
        {
            new CanonicalWriter(numbers, output).WriteNode(node, 0);
            return output.ToString();
        }
        finally
        {
            // A huge document's builder is let go rather than kept for the thread's life.
            if (output.Capacity <= 64 * 1024)
            {
                t_spare = output.Clear();
            }
        }
    }

    private void WriteNode(JsonNode? node, int depth)
    {
        switch (node)
        {
            case null:
                _out.Append("null");
                break;
            case JsonObject obj:
                WriteObject(obj, depth + 1);
                break;
            case JsonArray array:
                WriteArray(array, depth + 1);
                break;
            case JsonValue value:
                WriteValue(value, depth);
                break;
            default:
                throw Error($"unsupported node type {node.GetType().Name}");
        }
    }

    private void WriteObject(JsonObject obj, int depth)
    {
        CheckDepth(depth);
        List<KeyValuePair<string, JsonNode?>> properties;
        try
        {
            properties = [.. obj];
        }
        catch (ArgumentException e)
        {
            // A JsonObject parsed lazily by System.Text.Json only notices duplicate names when first enumerated.
            throw new CanonicalJsonException(_path.ToString(), "duplicate property name; I-JSON (RFC 7493) requires names to be unique", e);
        }
        // RFC 8785 §3.2.3: sort by the names' UTF-16 code units, which is exactly ordinal comparison of .NET strings.
        properties.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        _out.Append('{');
        for (var i = 0; i < properties.Count; i++)
        {
            var (name, value) = properties[i];
            _path.PushProperty(name);
            if (i > 0)
            {
                _out.Append(',');
            }
            WriteString(name, "property name");
            _out.Append(':');
            WriteNode(value, depth);
            _path.Pop();
        }
        _out.Append('}');
    }

    private void WriteArray(JsonArray array, int depth)
    {
        CheckDepth(depth);
        _out.Append('[');
        for (var i = 0; i < array.Count; i++)
        {
            _path.PushIndex(i);
            if (i > 0)
            {
                _out.Append(',');
            }
            WriteNode(array[i], depth);
            _path.Pop();
        }
        _out.Append(']');
    }

    private void WriteValue(JsonValue value, int depth)
    {
        // A JsonValue wraps either a JsonElement (from JsonNode.Parse) or a CLR value; each needs its own reading.
        if (value.TryGetValue<JsonElement>(out var element))
        {
            if (element.ValueKind == JsonValueKind.Number)
            {
                WriteNumberLiteral(element.GetRawText());
            }
            else if (element.ValueKind == JsonValueKind.String && !JsonMarshal.GetRawUtf8Value(element).Contains((byte)'\\'))
            {
                // No escape in it, so nothing for the strict parser to judge: System.Text.Json already refused invalid
                // UTF-8 and raw control characters, and a lone surrogate can only be written as an escape. Parsing it
                // again was a string and a node per value, on every record (docs/benchmarks.md, "Eighth round").
                WriteString(element.GetString()!, "string");
            }
            else
            {
                // Re-read through the strict parser: GetString() would throw on an escaped lone surrogate without saying where.
                WriteNode(ParseFragment(element.GetRawText()), depth);
            }
            return;
        }
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(ReadClrString(value), "string");
                break;
            case JsonValueKind.Number:
                WriteClrNumber(value);
                break;
            case JsonValueKind.True:
                _out.Append("true");
                break;
            case JsonValueKind.False:
                _out.Append("false");
                break;
            case JsonValueKind.Null:
                _out.Append("null");
                break;
            default:
                // Any other CLR value (a record, a dictionary): System.Text.Json's serialization of it, read strictly.
                WriteNode(ParseFragment(value.ToJsonString()), depth);
                break;
        }
    }

    private string ReadClrString(JsonValue value)
    {
        if (value.TryGetValue<string>(out var text))
        {
            return text;
        }
        // Guid, DateTime, char and the like: take System.Text.Json's own string form of them.
        return ParseFragment(value.ToJsonString())!.GetValue<string>();
    }

    private void WriteClrNumber(JsonValue value)
    {
        if ((value.TryGetValue<double>(out var d) && !double.IsFinite(d)) || (value.TryGetValue<float>(out var f) && !float.IsFinite(f)))
        {
            throw Error("NaN and Infinity are not JSON numbers");
        }
        // System.Text.Json writes each CLR number type in its round-trip form; the canonical text follows from that.
        WriteNumberLiteral(value.ToJsonString());
    }

    private void WriteNumberLiteral(string literal)
    {
        var canonical = JsonNumber.TryCanonicalize(literal, _numbers, out _, out var problem) ?? throw Error(problem!);
        _out.Append(canonical);
    }

    private JsonNode? ParseFragment(string json)
    {
        try
        {
            return StrictJsonParser.Parse(json, _numbers);
        }
        catch (CanonicalJsonException e)
        {
            throw new CanonicalJsonException(_path.ToString(), e.Problem, e);
        }
    }

    private void WriteString(string text, string what)
    {
        var lone = Utf16.IndexOfLoneSurrogate(text);
        if (lone >= 0)
        {
            throw Error($"{what} contains a lone surrogate U+{(int)text[lone]:X4}; JSON text must be valid Unicode");
        }
        // RFC 8785 §3.2.2.2: only these escapes; every other character, including U+007F and non-ASCII, is literal.
        // Runs without an escape (nearly all text) are copied whole.
        _out.Append('"');
        var rest = text.AsSpan();
        for (var next = rest.IndexOfAny(Escaped); next >= 0; next = rest.IndexOfAny(Escaped))
        {
            _out.Append(rest[..next]);
            AppendEscape(rest[next]);
            rest = rest[(next + 1)..];
        }
        _out.Append(rest).Append('"');
    }

    private void AppendEscape(char c)
    {
        var shortForm = c switch
        {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\b' => "\\b",
            '\f' => "\\f",
            '\n' => "\\n",
            '\r' => "\\r",
            '\t' => "\\t",
            _ => null,
        };
        if (shortForm is not null)
        {
            _out.Append(shortForm);
        }
        else
        {
            _out.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
        }
    }

    private void CheckDepth(int depth)
    {
        if (depth > StrictJsonParser.MaxDepth)
        {
            throw Error($"nesting is deeper than {StrictJsonParser.MaxDepth} levels");
        }
    }

    private CanonicalJsonException Error(string problem) => new(_path.ToString(), problem);
}
