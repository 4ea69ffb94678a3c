using System.Globalization;
using System.Text.Json.Nodes;

namespace Ledger.Core.Records.Schema;

/// <summary>A calendar date written <c>yyyy-MM-dd</c> (no time, no zone), from 1970-01-01 to 9999-12-31.</summary>
public sealed record DateField(string Name, bool Required, string Description) : FieldSpec(Name, Required, Description)
{
    private static readonly DateOnly Earliest = new(1970, 1, 1);

    /// <inheritdoc />
    public override string Shape => "date, yyyy-MM-dd";

    internal override void Check(JsonNode value, string path, List<PayloadError> errors)
    {
        if (PayloadValidator.ReadString(value, out _) is not { } text
            || text.Length != 10
            || !text.All(c => char.IsAsciiDigit(c) || c == '-')
            || !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors.Add(new PayloadError(path, "must be a calendar date written yyyy-MM-dd"));
        }
        else if (date < Earliest)
        {
            errors.Add(new PayloadError(path, "must not be before 1970-01-01"));
        }
    }
}
