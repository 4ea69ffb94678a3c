using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Ledger.Core.Canonical;

/// <summary>
/// An RFC 8259 parser that also enforces I-JSON (RFC 7493): unique property names, valid Unicode, numbers a double
/// holds. System.Text.Json accepts some of these silently, so the ledger reads untrusted JSON with this instead.
/// </summary>
internal sealed class StrictJsonParser
{
    /// <summary>The nesting limit; it matches System.Text.Json's default so whatever passes here also parses there.</summary>
    public const int MaxDepth = 64;

    private readonly string _text;
    private readonly NumberPolicy _numbers;
    private readonly JsonPath _path = new();
    private int _pos;

    private StrictJsonParser(string text, NumberPolicy numbers)
    {
        _text = text;
        _numbers = numbers;
    }

    public static JsonNode? Parse(string text, NumberPolicy numbers)
    {
        var parser = new StrictJsonParser(text, numbers);
        parser.SkipWhitespace();
        if (parser._pos == text.Length)
        {
            throw parser.Error("the input holds no JSON value");
        }
        var root = parser.ParseValue(0);
        parser.SkipWhitespace();
        if (parser._pos != text.Length)
        {
            throw parser.Error("unexpected content after the JSON value");
        }
        return root;
    }

    private JsonNode? ParseValue(int depth)
    {
        if (_pos == _text.Length)
        {
            throw Error("the input ends where a value was expected");
        }
        switch (_text[_pos])
        {
            case '{':
                return ParseObject(depth + 1);
            case '[':
                return ParseArray(depth + 1);
            case '"':
                return JsonValue.Create(ParseString("string"));
            case 't':
                ExpectLiteral("true");
                return JsonValue.Create(true);
            case 'f':
                ExpectLiteral("false");
                return JsonValue.Create(false);
            case 'n':
                ExpectLiteral("null");
                return null;
            case '-' or (>= '0' and <= '9'):
                return ParseNumber();
            default:
                throw Error($"unexpected character {Describe(_text[_pos])} where a value was expected");
        }
    }

    private JsonObject ParseObject(int depth)
    {
        CheckDepth(depth);
        _pos++;
        var result = new JsonObject();
        SkipWhitespace();
        if (TryConsume('}'))
        {
            return result;
        }
        while (true)
        {
            SkipWhitespace();
            if (_pos == _text.Length || _text[_pos] != '"')
            {
                throw Error("expected a property name in double quotes");
            }
            var name = ParseString("property name");
            if (result.ContainsKey(name))
            {
                _path.PushProperty(name);
                throw Error("duplicate property name; I-JSON (RFC 7493) requires names to be unique");
            }
            SkipWhitespace();
            Expect(':');
            SkipWhitespace();
            _path.PushProperty(name);
            result.Add(name, ParseValue(depth));
            _path.Pop();
            SkipWhitespace();
            if (TryConsume('}'))
            {
                return result;
            }
            Expect(',');
        }
    }

    private JsonArray ParseArray(int depth)
    {
        CheckDepth(depth);
        _pos++;
        var result = new JsonArray();
        SkipWhitespace();
        if (TryConsume(']'))
        {
            return result;
        }
        while (true)
        {
            SkipWhitespace();
            _path.PushIndex(result.Count);
            result.Add(ParseValue(depth));
            _path.Pop();
            SkipWhitespace();
            if (TryConsume(']'))
            {
                return result;
            }
            Expect(',');
        }
    }

    private string ParseString(string what)
    {
        _pos++;
        var value = new StringBuilder();
        while (true)
        {
            if (_pos == _text.Length)
            {
                throw Error($"unterminated {what}");
            }
            var c = _text[_pos++];
            if (c == '"')
            {
                break;
            }
            if (c < 0x20)
            {
                throw Error($"raw control character {Describe(c)} in a {what}; it must be escaped");
            }
            value.Append(c == '\\' ? ReadEscape(what) : c);
        }
        var text = value.ToString();
        var lone = Utf16.IndexOfLoneSurrogate(text);
        if (lone >= 0)
        {
            throw Error($"{what} contains a lone surrogate {Describe(text[lone])}; JSON text must be valid Unicode");
        }
        return text;
    }

    private char ReadEscape(string what)
    {
        if (_pos == _text.Length)
        {
            throw Error($"unterminated {what}");
        }
        var c = _text[_pos++];
        switch (c)
        {
            case '"' or '\\' or '/':
                return c;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            case 'u':
                if (_pos + 4 <= _text.Length
                    && ushort.TryParse(_text.AsSpan(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                {
                    _pos += 4;
                    return (char)code;
                }
                throw Error($"\\u in a {what} must be followed by four hex digits");
            default:
                throw Error($"invalid escape \\{Describe(c)} in a {what}");
        }
    }

    private JsonNode ParseNumber()
    {
        var start = _pos;
        while (_pos < _text.Length && _text[_pos] is '-' or '+' or '.' or 'e' or 'E' or (>= '0' and <= '9'))
        {
            _pos++;
        }
        var literal = _text[start.._pos];
        if (JsonNumber.TryCanonicalize(literal, _numbers, out _, out var problem) is null)
        {
            _pos = start;
            throw Error(problem!);
        }
        // Keep the literal as written (a JsonElement-backed value) so GetValue<int>, <long>, <decimal> all work on it.
        return JsonNode.Parse(literal)!;
    }

    private void ExpectLiteral(string literal)
    {
        if (string.CompareOrdinal(_text, _pos, literal, 0, literal.Length) != 0)
        {
            throw Error($"unexpected character {Describe(_text[_pos])} where a value was expected");
        }
        _pos += literal.Length;
    }

    private void CheckDepth(int depth)
    {
        if (depth > MaxDepth)
        {
            throw Error($"nesting is deeper than {MaxDepth} levels");
        }
    }

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\n' or '\r')
        {
            _pos++;
        }
    }

    private bool TryConsume(char c)
    {
        if (_pos < _text.Length && _text[_pos] == c)
        {
            _pos++;
            return true;
        }
        return false;
    }

    private void Expect(char c)
    {
        if (!TryConsume(c))
        {
            throw Error(_pos == _text.Length
                ? $"the input ends where '{c}' was expected"
                : $"expected '{c}' but found {Describe(_text[_pos])}");
        }
    }

    private CanonicalJsonException Error(string problem) =>
        new(_path.ToString(), $"{problem} [character {_pos}]");

    private static string Describe(char c) =>
        c is >= ' ' and <= '~' ? $"'{c}'" : $"U+{(int)c:X4}";
}
