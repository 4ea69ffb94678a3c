using System.Text.Json;
using Json.Schema;
using Ledger.Core.Records.Schemas.Formats;

namespace Ledger.Core.Records.Schemas;

/// <summary>
/// The ledger's own JSON Schema formats, registered once in a registry of their own (not JsonSchema.Net's global
/// one, so nothing else in the process changes). Each names its problem in the words an API error shows. A format
/// constrains strings only; any other JSON value passes it, as JSON Schema says.
/// </summary>
public static class LedgerFormats
{
    /// <summary>Every format: its name, what a valid value is (for docs), and the check.</summary>
    public static IReadOnlyList<(string Name, string Description, Func<string, string?> Problem)> All { get; } =
    [
        (TextLine.SingleLine, "one line of text: no control characters, no whitespace at either end", t => TextLine.Problem(t, multiline: false)),
        (TextLine.MultiLine, "free text: no control characters but line breaks and tabs, no whitespace at either end", t => TextLine.Problem(t, multiline: true)),
        (PseudonymousRef.Name, "a reference the agency assigns to a person (3–64 ASCII letters, digits, '.', '_', '-'); never a name, ID or phone number", PseudonymousRef.Problem),
        (CreditCode.Name, "a unified social credit code (GB 32100) with a valid check character", CreditCode.Problem),
        (ExactDecimal.Name, "a decimal number as text, hashed exactly as written, e.g. \"12.50\"", ExactDecimal.Problem),
        (AreaCode.Name, "a 6-digit administrative division code (GB/T 2260), e.g. 330106", AreaCode.Problem),
        (CalendarDate.Name, "a day written yyyy-MM-dd, from 1970-01-01", CalendarDate.Problem),
    ];

    /// <summary>The registry record type schemas are evaluated with.</summary>
    public static FormatRegistry Registry { get; } = CreateRegistry();

    /// <summary>Whether <paramref name="name"/> is one of the ledger's formats.</summary>
    public static bool IsKnown(string name) => All.Any(f => f.Name == name);

    private static FormatRegistry CreateRegistry()
    {
        var registry = new FormatRegistry();
        foreach (var (name, _, problem) in All)
        {
            registry.Register(new PredicateFormat(name, (JsonElement value, out string? message) =>
            {
                message = value.ValueKind == JsonValueKind.String ? ProblemOf(value, problem) : null;
                return message is null;
            }));
        }
        return registry;
    }

    private static string? ProblemOf(JsonElement value, Func<string, string?> problem)
    {
        string text;
        try
        {
            text = value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate; payloads are canonicalized before evaluation, so this guards direct use.
            return "is not valid Unicode";
        }
        return problem(text);
    }
}
