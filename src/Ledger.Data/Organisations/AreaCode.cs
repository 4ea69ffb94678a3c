namespace Ledger.Data.Organisations;

/// <summary>
/// A PRC administrative division code (GB/T 2260): six digits, the first two a province-level code. Checked for
/// shape and province only; the full list changes yearly and is not ours to ship.
/// </summary>
public static class AreaCode
{
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    ];

    /// <summary>Null when <paramref name="code"/> is a well-formed area code, else why not.</summary>
    public static string? Problem(string? code)
    {
        if (code is null || code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return "An area code is 6 digits, e.g. 330106.";
        }
        return Provinces.Contains(code[..2])
            ? null
            : $"'{code[..2]}' is not a province-level code; an area code starts with one, e.g. 33 for Zhejiang.";
    }

    /// <summary>
    /// Whether <paramref name="outer"/> is <paramref name="inner"/> or the city or province that contains it: a code
    /// ending in 0000 is a province (330000 contains every 33xxxx), one ending in 00 a city (330100 contains 3301xx),
    /// any other a county or district that contains only itself. This is "the same jurisdiction" for organisations
    /// above others.
    /// </summary>
    public static bool Contains(string outer, string inner) => Core.Records.Schemas.Formats.AreaCode.Contains(outer, inner);
}
