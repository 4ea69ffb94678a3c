namespace Ledger.Core.Epcis;

/// <summary>
/// Says why a GS1 Digital Link URI is not a well-formed GS1 key — no primary key, a key of the wrong length, a
/// qualifier its key does not take, a wrong check digit — in words a sender can act on. <see cref="DigitalLink"/>
/// decides the form; <see cref="CheckDigit"/> adds the check digits it leaves unverified (as the hash's reference does).
/// </summary>
internal static class DigitalLinkProblems
{
    private const string Host = "https://id.gs1.org/";

    private sealed record KeyRule(string Name, string Digits, Func<string, bool> Fits, string Takes);

    private static readonly Dictionary<string, KeyRule> Keys = new(StringComparer.Ordinal)
    {
        ["00"] = new("SSCC", "18 digits", v => Digits(v, 18), "no qualifier"),
        ["01"] = new("GTIN", "8, 12, 13 or 14 digits", v => v.Length is 8 or 12 or 13 or 14 && Digits(v, v.Length), "/21/ (serial), /10/ (lot), /235/ or /22/"),
        ["8006"] = new("ITIP", "18 digits (a GTIN-14, piece and total)", v => Digits(v, 18), "/21/ (serial), /10/ (lot) or /22/"),
        ["414"] = new("GLN", "13 digits", v => Digits(v, 13), "/254/ (extension)"),
        ["417"] = new("party GLN", "13 digits", v => Digits(v, 13), "no qualifier"),
        ["402"] = new("GSIN", "17 digits", v => Digits(v, 17), "no qualifier"),
        ["8017"] = new("GSRN-P", "18 digits", v => Digits(v, 18), "no qualifier"),
        ["8018"] = new("GSRN", "18 digits", v => Digits(v, 18), "no qualifier"),
        ["253"] = new("GDTI", "13 digits and a serial of up to 17 characters", v => v.Length >= 13 && Digits(v[..13], 13) && (v.Length == 13 || UrnText.IsValid(v[13..], 17)), "no qualifier"),
        ["255"] = new("GCN", "13 to 25 digits", v => v.Length is >= 13 and <= 25 && Digits(v, v.Length), "no qualifier"),
        ["8003"] = new("GRAI", "14 digits and a serial of up to 16 characters", v => v.Length >= 14 && Digits(v[..14], 14) && (v.Length == 14 || UrnText.IsValid(v[14..], 16)), "no qualifier"),
        ["401"] = new("GINC", "up to 30 characters", v => UrnText.IsValid(v, 30), "no qualifier"),
        ["8004"] = new("GIAI", "up to 30 characters", v => UrnText.IsValid(v, 30), "no qualifier"),
        ["8010"] = new("CPID", "up to 30 digits, capitals, # - or /", v => v.Length <= 30 && v.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c) || c is '#' or '-' or '/'), "/8011/ (serial)"),
    };

    // The qualifiers each key takes, with the longest value each may hold (22, the consumer product variant, is dropped).
    private static readonly Dictionary<string, (string Ai, string Name, int Max)[]> Qualifiers = new(StringComparer.Ordinal)
    {
        ["01"] = [("21", "serial", 20), ("10", "lot", 20), ("235", "third-party controlled serial", 28), ("22", "consumer product variant", 20)],
        ["8006"] = [("21", "serial", 20), ("10", "lot", 20), ("22", "consumer product variant", 20)],
        ["414"] = [("254", "extension", 20)],
        ["8010"] = [("8011", "serial", 12)],
    };

    /// <summary>Why <paramref name="uri"/>, which <see cref="DigitalLink.Constrain"/> refused, is not a well-formed GS1 key.</summary>
    public static string Explain(string uri)
    {
        var path = DigitalLink.PathOf(uri);
        var segments = path?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var start = Array.FindIndex(segments, s => DigitalLink.PrimaryKey(s) is not null);
        if (start < 0)
        {
            return "names no GS1 primary key: a Digital Link path holds /{key}/{value}, such as /01/{GTIN}, /00/{SSCC} or /414/{GLN}";
        }
        var key = DigitalLink.PrimaryKey(segments[start])!;
        var rule = Keys[key];
        if (start + 1 >= segments.Length)
        {
            return $"/{segments[start]}/ is not followed by {A(rule.Name)}";
        }
        var value = segments[start + 1];
        if (!rule.Fits(value) || !DigitalLink.StartsWithFourDigits(value))
        {
            return $"the {rule.Name} \"{value}\" is not {rule.Digits}";
        }
        if ((segments.Length - start) % 2 != 0)
        {
            return $"\"{segments[^1]}\" has no value: after the {rule.Name} the path alternates /{{qualifier}}/{{value}}";
        }
        var allowed = Qualifiers.GetValueOrDefault(key, []);
        var named = new List<string>();
        for (var i = start + 2; i < segments.Length; i += 2)
        {
            var ai = DigitalLink.Qualifier(segments[i]);
            var qualifier = Array.Find(allowed, q => q.Ai == ai);
            if (qualifier.Ai is null)
            {
                return $"{A(rule.Name)} takes {rule.Takes}, not /{segments[i]}/";
            }
            if ((ai == "8011" ? SerialDigits(segments[i + 1]) : UrnText.Problem(segments[i + 1], qualifier.Max)) is { } problem)
            {
                return $"the {qualifier.Name} \"{segments[i + 1]}\" {problem}";
            }
            named.Add(ai);
        }
        named.Remove("22");
        if (named.Contains("21"))
        {
            named.Remove("10");
        }
        return named.Count > 1
            ? $"{A(rule.Name)} takes one qualifier, not {string.Join(" and ", named.Select(a => $"/{a}/"))}"
            : $"is not a well-formed GS1 Digital Link URI: its {rule.Name} takes {rule.Takes}";
    }

    /// <summary>
    /// Why the key of <paramref name="id"/> has a wrong check digit, or null when it is right or the key has none (GIAI,
    /// GINC, CPID). An identifier read from an EPC URN always has a right one: the URN has none, and it is computed.
    /// </summary>
    public static string? CheckDigit(Gs1Identifier id)
    {
        var path = id.Canonical.AsSpan(Host.Length + id.PrimaryKey.Length + 1);
        var slash = path.IndexOf('/');
        var value = slash < 0 ? path : path[..slash];
        // The check digit ends the key's fixed digits: the whole key, or its first 14 (ITIP, GRAI) or 13 (GDTI, GCN).
        var length = id.PrimaryKey switch
        {
            "00" or "01" or "414" or "417" or "402" or "8017" or "8018" => value.Length,
            "8006" or "8003" => 14,
            "253" or "255" => 13,
            _ => 0,
        };
        if (length == 0)
        {
            return null;
        }
        var digits = value[..length];
        var expected = Gs1CheckDigit.Compute(digits[..^1]);
        return digits[^1] == expected ? null
            : $"the check digit of {Keys[id.PrimaryKey].Name} {digits} is {digits[^1]}, but its other digits call for {expected}";
    }

    private static string A(string name) => (name[0] is 'S' or 'I' ? "an " : "a ") + name;

    private static string? SerialDigits(string text) => text.Length is >= 1 and <= 12 && Digits(text, text.Length) ? null : "must be 1 to 12 digits";

    private static bool Digits(string text, int length) => text.Length == length && !text.AsSpan().ContainsAnyExceptInRange('0', '9');
}
