namespace Ledger.Core.Records.Schemas.Formats;

/// <summary>
/// The format <c>area-code</c>: a PRC administrative division code (GB/T 2260), six digits whose first two are a
/// province-level code. Checked for shape and province only: the full list changes yearly and is not ours to ship.
/// </summary>
public static class AreaCode
{
    /// <summary>The format name used in record type schemas.</summary>
    public const string Name = "area-code";

    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
        "71", "81", "82",
    ];

    /// <summary>What is wrong with <paramref name="code"/> as an area code, or null.</summary>
    public static string? Problem(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
        {
            return "must be a 6-digit administrative division code (GB/T 2260), e.g. 330106";
        }
        return Provinces.Contains(code[..2])
            ? null
            : $"starts with {code[..2]}, which is not a province-level code; an area code starts with one, e.g. 33 for Zhejiang";
    }

    /// <summary>
    /// Whether <paramref name="outer"/> is <paramref name="inner"/> or the city or province that contains it: a code
    /// ending in 0000 is a province (330000 contains every 33xxxx), one ending in 00 a city (330100 contains 3301xx),
    /// any other a county or district that contains only itself.
    /// </summary>
    public static bool Contains(string outer, string inner)
    {
        ArgumentNullException.ThrowIfNull(outer);
        ArgumentNullException.ThrowIfNull(inner);
        if (outer == inner)
        {
            return true;
        }
        if (outer.Length != 6 || inner.Length != 6)
        {
            return false;
        }
        return outer.EndsWith("0000", StringComparison.Ordinal) ? inner.StartsWith(outer[..2], StringComparison.Ordinal)
            : outer.EndsWith("00", StringComparison.Ordinal) && inner.StartsWith(outer[..4], StringComparison.Ordinal);
    }
}
