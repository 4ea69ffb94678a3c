using System.Text.Json.Nodes;
using Ledger.Core.Records.Schema;

namespace Ledger.Core.Records;

/// <summary>A kind of record: its domain and type names, data grade, one-line summary and payload fields.</summary>
/// <param name="Domain">The envelope's <c>domain</c> (see <see cref="RecordDomains"/>).</param>
/// <param name="Type">The envelope's <c>type</c>.</param>
/// <param name="Level">The data grade that decides who may read the payload.</param>
/// <param name="Summary">One line for API docs.</param>
public sealed record RecordTypeDefinition(string Domain, string Type, DataLevel Level, string Summary)
{
    /// <summary>The payload's fields; any other field is refused.</summary>
    public required IReadOnlyList<FieldSpec> Fields { get; init; }

    /// <summary>
    /// The payload field naming the person the record is about (a pseudonymous reference), or null when the type has
    /// no data subject. Records of one subject share a data key, so erasing the subject is deleting that key.
    /// </summary>
    public string? SubjectField { get; init; }

    /// <summary>Checks that span fields (e.g. an overall result that contradicts an item); run only when every field passes.</summary>
    public IReadOnlyList<Func<JsonObject, PayloadError?>> Rules { get; init; } = [];

    /// <summary>Every problem with <paramref name="payload"/>; empty when it is valid.</summary>
    public IReadOnlyList<PayloadError> Validate(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var errors = new List<PayloadError>();
        PayloadValidator.ValidateObject(payload, Fields, string.Empty, errors);
        if (errors.Count == 0)
        {
            errors.AddRange(Rules.Select(rule => rule(payload)).OfType<PayloadError>());
        }
        return errors;
    }
}
