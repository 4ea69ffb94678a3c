using System.Text.RegularExpressions;

namespace Ledger.Core.Records.Schemas.Formats;

/// <summary>
/// The format <c>unified-social-credit-code</c>: the 18-character code every PRC business and organisation carries
/// (GB 32100-2015), checked for its character set and its check character, so a mistyped code is refused at capture.
/// </summary>
public static partial class CreditCode
{
    /// <summary>The format name used in record type schemas.</summary>
    public const string Name = "unified-social-credit-code";

    // GB 32100-2015 §4: the 31 characters in use (digits and capitals without I, O, S, V, Z), valued 0–30 in this order.
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // The weights of characters 1–17: 3^(i-1) mod 31.
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>What is wrong with <paramref name="code"/>, or null when it is a well-formed code with the right check character.</summary>
    public static string? Problem(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!Shape().IsMatch(code))
        {
            return "must be 18 digits and capital letters, without I, O, S, V or Z";
        }
        return code[17] == CheckCharacter(code.AsSpan(0, 17))
            ? null
            : "has a wrong check character: the 18th character does not match the first 17 (GB 32100); check the code for a typo";
    }

    /// <summary>The check character GB 32100 gives for the first 17 characters of a code.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("A credit code's check character follows from exactly 17 characters.", nameof(first17));
        }
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(first17[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{first17[i]}' is not a GB 32100 character.", nameof(first17));
            }
            sum += value * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }

    // Characters 3–8 are the registering authority's area code, always digits.
    [GeneratedRegex("^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
