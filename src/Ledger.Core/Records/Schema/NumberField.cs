using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Core.Canonical;

namespace Ledger.Core.Records.Schema;

/// <summary>A JSON number with optional bounds and a limit on decimal places (checked on its canonical form).</summary>
public sealed record NumberField(string Name, bool Required, string Description) : FieldSpec(Name, Required, Description)
{
    /// <summary>Lower bound, if any.</summary>
    public double? Minimum { get; init; }

    /// <summary>Whether <see cref="Minimum"/> itself is excluded.</summary>
    public bool MinimumExclusive { get; init; }

    /// <summary>Upper bound (inclusive), if any.</summary>
    public double? Maximum { get; init; }

    /// <summary>Most digits allowed after the decimal point, if limited; 0 means whole numbers.</summary>
    public int? MaxDecimals { get; init; }

    /// <inheritdoc />
    public override string Shape
    {
        get
        {
            var parts = new List<string> { "number" };
            if (Minimum is { } min)
            {
                parts.Add($"{(MinimumExclusive ? ">" : "≥")} {min.ToString(CultureInfo.InvariantCulture)}");
            }
            if (Maximum is { } max)
            {
                parts.Add($"≤ {max.ToString(CultureInfo.InvariantCulture)}");
            }
            if (MaxDecimals is { } decimals)
            {
                parts.Add(decimals == 0 ? "whole" : $"at most {decimals} decimal places");
            }
            return string.Join(", ", parts);
        }
    }

    internal override void Check(JsonNode value, string path, List<PayloadError> errors)
    {
        var problem = Problem(value);
        if (problem is not null)
        {
            errors.Add(new PayloadError(path, problem));
        }
    }

    private string? Problem(JsonNode node)
    {
        if (node is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
        {
            return "must be a JSON number";
        }
        string literal;
        try
        {
            literal = value.ToJsonString();
        }
        catch (ArgumentException)
        {
            return "must be a finite number";
        }
        // Validate what will be hashed: the canonical form, under the same exactness rule the commitment applies.
        var canonical = JsonNumber.TryCanonicalize(literal, NumberPolicy.ExactOnly, out var number, out var problem);
        if (canonical is null)
        {
            return problem;
        }
        if (Minimum is { } min && (MinimumExclusive ? number <= min : number < min))
        {
            return $"must be {(MinimumExclusive ? "greater than" : "at least")} {min.ToString(CultureInfo.InvariantCulture)}";
        }
        if (Maximum is { } max && number > max)
        {
            return $"must be at most {max.ToString(CultureInfo.InvariantCulture)}";
        }
        if (MaxDecimals is { } decimals && DecimalPlaces(canonical) > decimals)
        {
            return decimals == 0 ? "must be a whole number" : $"must have at most {decimals} decimal places";
        }
        return null;
    }

    private static long DecimalPlaces(string canonical)
    {
        DecimalText.TryParse(canonical, out var digits);
        return Math.Max(0, digits.Digits.Length - digits.PointPosition);
    }
}
