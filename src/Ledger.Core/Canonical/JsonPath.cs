using System.Text;

namespace Ledger.Core.Canonical;

/// <summary>Tracks where a parser or writer is, to name the place in error messages without echoing the input.</summary>
internal sealed class JsonPath
{
    // Long or odd property names are shortened so an error message never carries more than a fragment of the input.
    private const int MaxNameInPath = 32;

    private readonly List<object> _segments = [];

    public void PushProperty(string name) => _segments.Add(name);

    public void PushIndex(int index) => _segments.Add(index);

    public void Pop() => _segments.RemoveAt(_segments.Count - 1);

    public override string ToString()
    {
        var text = new StringBuilder("$");
        foreach (var segment in _segments)
        {
            if (segment is int index)
            {
                text.Append('[').Append(index).Append(']');
            }
            else
            {
                AppendName(text, (string)segment);
            }
        }
        return text.ToString();
    }

    private static void AppendName(StringBuilder text, string name)
    {
        if (name.Length is > 0 and <= MaxNameInPath && IsPlainName(name))
        {
            text.Append('.').Append(name);
            return;
        }
        text.Append("['");
        var shown = name.Length > MaxNameInPath ? name[..MaxNameInPath] : name;
        foreach (var c in shown)
        {
            // Control characters, quotes and lone surrogates are shown as escapes so the message stays printable.
            if (c < 0x20 || c == '\'' || c == '\\' || char.IsSurrogate(c))
            {
                text.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append(c);
            }
        }
        text.Append(name.Length > MaxNameInPath ? "…']" : "']");
    }

    private static bool IsPlainName(string name)
    {
        if (!char.IsAsciiLetter(name[0]) && name[0] != '_')
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }
        return true;
    }
}
