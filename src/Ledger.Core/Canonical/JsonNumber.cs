using System.Globalization;

namespace Ledger.Core.Canonical;

/// <summary>Turns a JSON number literal into its canonical text, enforcing the double range and the number policy.</summary>
internal static class JsonNumber
{
    // Long literals are cut in messages: errors say what and where, never replay the input.
    private const int MaxLiteralInMessage = 40;

    /// <summary>The canonical (ECMAScript) text of <paramref name="literal"/>, or null with <paramref name="problem"/> set.</summary>
    public static string? TryCanonicalize(string literal, NumberPolicy policy, out double value, out string? problem)
    {
        value = 0;
        if (!DecimalText.TryParse(literal, out var written))
        {
            problem = $"{Shown(literal)} is not a valid JSON number";
            return null;
        }
        value = double.Parse(literal, NumberStyles.Float, CultureInfo.InvariantCulture);
        if (!double.IsFinite(value))
        {
            problem = $"number {Shown(literal)} is outside the IEEE-754 double range";
            return null;
        }
        var shortest = EcmaScriptNumber.ShortestDigits(value);
        // Compared with the shortest round-trip digits, not the double's exact binary value: those digits are what
        // the canonical text says, so 0.1 passes while 2^60 written in full (1152921504606846976) does not.
        if (policy == NumberPolicy.ExactOnly && !written.SameValueAs(shortest))
        {
            var nearest = EcmaScriptNumber.Format(shortest);
            problem = written.IsZero || !shortest.IsZero
                ? $"number {Shown(literal)} cannot be represented exactly as an IEEE-754 double (canonical JSON would write {nearest}); send it as a string"
                : $"number {Shown(literal)} is too small for an IEEE-754 double (it would become 0); send it as a string";
            return null;
        }
        problem = null;
        return EcmaScriptNumber.Format(shortest);
    }

    private static string Shown(string literal) =>
        literal.Length <= MaxLiteralInMessage ? literal : literal[..MaxLiteralInMessage] + $"… ({literal.Length} characters)";
}
