namespace Ledger.Data.Projections;

/// <summary>One row of a projection: a canonical JSON value under a key, derived from records (see <see cref="ProjectionStore"/>).</summary>
public sealed class ProjectionRow
{
    /// <summary>The projection's name, e.g. <c>timebank-balance</c>.</summary>
    public required string Projection { get; init; }
    public required string Key { get; init; }
    /// <summary>Canonical (RFC 8785) JSON text.</summary>
    public required string Value { get; set; }
    /// <summary>The keyed digest of the data subject the row is about; null when it is about no one.</summary>
    public string? SubjectDigest { get; set; }
}
