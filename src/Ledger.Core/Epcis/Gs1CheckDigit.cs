namespace Ledger.Core.Epcis;

/// <summary>The GS1 standard mod-10 check digit (GS1 General Specifications 7.9.1) for GTIN, GLN, SSCC, GSRN and the like.</summary>
internal static class Gs1CheckDigit
{
    /// <summary>The check digit for <paramref name="digits"/> (ASCII digits only, without the check digit).</summary>
    public static char Compute(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        // Weights alternate 3, 1, 3 … from the rightmost digit, whatever the key's length.
        for (int i = digits.Length - 1, weight = 3; i >= 0; i--, weight = 4 - weight)
        {
            sum += (digits[i] - '0') * weight;
        }
        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary><paramref name="digits"/> followed by its check digit.</summary>
    public static string Append(string digits) => digits + Compute(digits);
}
