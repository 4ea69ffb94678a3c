using System.Text.RegularExpressions;

namespace Ledger.Core.Records.Schemas.Formats;

/// <summary>
/// The format <c>pseudonymous-ref</c>: a reference to a person that the agency assigns (a case or account number),
/// refusing values that look like a resident ID or phone number, since those would make the record identify someone.
/// </summary>
public static partial class PseudonymousRef
{
    /// <summary>The format name used in record type schemas.</summary>
    public const string Name = "pseudonymous-ref";

    /// <summary>Longest run of digits a reference may hold; a mobile number has 11, ID numbers 15 or 18.</summary>
    public const int MaxDigitRun = 10;

    /// <summary>What is wrong with <paramref name="value"/> as a reference, or null: single-line text, screened, then shaped.</summary>
    public static string? Problem(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TextLine.Problem(value, multiline: false)
            ?? ScreenForIdentifiers(value)
            ?? (RefPattern().IsMatch(value) ? null : "must be 3–64 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit");
    }

    /// <summary>The problem with a value that looks like an identifying number, or null.</summary>
    public static string? ScreenForIdentifiers(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (PrcResidentId().IsMatch(value))
        {
            return "looks like an 18-digit PRC resident ID number; send the pseudonymous reference, never the ID number";
        }
        var longest = LongestDigitRun(value);
        return longest > MaxDigitRun
            ? $"contains a run of {longest} digits, which could be an ID or phone number; references must be pseudonymous (at most {MaxDigitRun} digits in a row)"
            : null;
    }

    private static int LongestDigitRun(string value)
    {
        int longest = 0, run = 0;
        foreach (var c in value)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            longest = Math.Max(longest, run);
        }
        return longest;
    }

    // GB 11643: 17 digits (region, birth date, sequence) then a check character 0-9 or X.
    [GeneratedRegex("(?<![0-9])[0-9]{17}[0-9Xx](?![0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex PrcResidentId();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{2,63}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex RefPattern();
}
