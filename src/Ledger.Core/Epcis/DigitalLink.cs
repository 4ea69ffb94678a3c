using System.Buffers;

namespace Ledger.Core.Epcis;

/// <summary>
/// GS1 Digital Link URIs reduced to the constrained canonical form of CBV 2.0's event hash: host
/// <c>https://id.gs1.org</c>, no query or fragment, numeric application identifiers instead of short names
/// (<c>/gtin/</c> → <c>/01/</c>), a 14-digit GTIN, no consumer product variant (<c>/22/</c>), and only the finest
/// level of identification (a serial wins over a lot).
/// </summary>
internal static class DigitalLink
{
    private const string Host = "https://id.gs1.org/";

    // Characters a constrained URI may carry in an alphanumeric key or qualifier (as the reference algorithm checks).
    private static readonly SearchValues<char> Text = SearchValues.Create("\"'-.0123456789;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");
    private static readonly SearchValues<char> CpidText = SearchValues.Create("#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    /// <summary>
    /// The constrained canonical form of <paramref name="uri"/>, or null when it is not a GS1 Digital Link URI.
    /// <paramref name="allowEscapes"/> admits percent-escapes in serials and lots; the event hash does not, as the
    /// reference implementation leaves such a URI as written (its host included), and the hash must agree with it.
    /// </summary>
    public static string? Constrain(string uri, bool allowEscapes)
    {
        var path = PathOf(uri);
        if (path is null)
        {
            return null;
        }
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var start = Array.FindIndex(segments, s => PrimaryKey(s) is not null);
        if (start < 0 || start + 1 >= segments.Length || !StartsWithFourDigits(segments[start + 1]) || (segments.Length - start) % 2 != 0)
        {
            return null;
        }
        var key = PrimaryKey(segments[start])!;
        var value = segments[start + 1];
        var qualifiers = new List<(string Ai, string Value)>();
        for (var i = start + 2; i < segments.Length; i += 2)
        {
            qualifiers.Add((Qualifier(segments[i]), segments[i + 1]));
        }
        if (key == "01")
        {
            value = value.Length switch { 13 => "0" + value, 12 => "00" + value, 8 => "000000" + value, _ => value };
        }
        // The consumer product variant does not identify; a serial is finer than a lot.
        qualifiers.RemoveAll(q => q.Ai == "22");
        if (qualifiers.Exists(q => q.Ai == "21"))
        {
            qualifiers.RemoveAll(q => q.Ai == "10");
        }
        return IsValid(key, value, qualifiers, allowEscapes) ? Compose(key, value, qualifiers) : null;
    }

    internal static string? PathOf(string uri)
    {
        var afterScheme = uri.StartsWith("https://", StringComparison.Ordinal) ? 8
            : uri.StartsWith("http://", StringComparison.Ordinal) ? 7
            : -1;
        if (afterScheme < 0)
        {
            return null;
        }
        var slash = uri.IndexOf('/', afterScheme);
        if (slash < 0)
        {
            return null;
        }
        var end = uri.AsSpan(slash).IndexOfAny('?', '#');
        return end < 0 ? uri[slash..] : uri.Substring(slash, end);
    }

    internal static string? PrimaryKey(string segment) => segment switch
    {
        "01" or "gtin" => "01",
        "00" or "sscc" => "00",
        "414" or "gln" => "414",
        "417" or "party" => "417",
        "8006" or "itip" => "8006",
        "8010" or "cpid" => "8010",
        "8017" or "gsrnp" => "8017",
        "8018" or "gsrn" => "8018",
        "255" or "gcn" => "255",
        "253" or "gdti" => "253",
        "401" or "ginc" => "401",
        "402" or "gsin" => "402",
        "8003" or "grai" => "8003",
        "8004" or "giai" => "8004",
        _ => null,
    };

    internal static string Qualifier(string segment) => segment switch
    {
        "cpv" => "22",
        "lot" => "10",
        "ser" => "21",
        _ => segment,
    };

    internal static bool StartsWithFourDigits(string value) =>
        value.Length > 4 && !value.AsSpan(0, 4).ContainsAnyExceptInRange('0', '9');

    private static bool IsValid(string key, string value, List<(string Ai, string Value)> qualifiers, bool allowEscapes)
    {
        bool IsText(string text, int max) => allowEscapes ? UrnText.IsValid(text, max) || text.Length == 0 : IsPlainText(text, max);
        var only = qualifiers.Count == 1 ? qualifiers[0] : default;
        if (qualifiers.Count > 1)
        {
            return false;
        }
        var bare = qualifiers.Count == 0;
        return key switch
        {
            "00" => bare && Digits(value, 18),
            "01" => Digits(value, 14) && (bare || (only.Ai is "21" or "10" && IsText(only.Value, 20)) || (only.Ai == "235" && IsText(only.Value, 28))),
            "8006" => Digits(value, 18) && (bare || (only.Ai is "21" or "10" && IsText(only.Value, 20))),
            "414" => Digits(value, 13) && (bare || (only.Ai == "254" && IsText(only.Value, 20))),
            "417" => bare && Digits(value, 13),
            "402" => bare && Digits(value, 17),
            "8017" or "8018" => bare && Digits(value, 18),
            "253" => bare && value.Length >= 13 && Digits(value[..13], 13) && IsText(value[13..], 17),
            "255" => bare && value.Length is >= 13 and <= 25 && Digits(value, value.Length),
            "8003" => bare && value.Length >= 14 && Digits(value[..14], 14) && IsText(value[14..], 16),
            "401" or "8004" => bare && IsText(value, 30),
            "8010" => value.Length <= 30 && !value.AsSpan().ContainsAnyExcept(CpidText)
                && (bare || (only.Ai == "8011" && only.Value.Length <= 12 && Digits(only.Value, only.Value.Length))),
            _ => false,
        };
    }

    private static string Compose(string key, string value, List<(string Ai, string Value)> qualifiers) =>
        qualifiers.Count == 0 ? $"{Host}{key}/{value}" : $"{Host}{key}/{value}/{qualifiers[0].Ai}/{qualifiers[0].Value}";

    private static bool Digits(string text, int length) => text.Length == length && !text.AsSpan().ContainsAnyExceptInRange('0', '9');

    private static bool IsPlainText(string text, int max) => text.Length <= max && !text.AsSpan().ContainsAnyExcept(Text);
}
