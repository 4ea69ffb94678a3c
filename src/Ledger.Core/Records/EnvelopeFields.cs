namespace Ledger.Core.Records;

/// <summary>The JSON names of the envelope fields; part of the hashed format, so they never change within a format version.</summary>
public static class EnvelopeFields
{
    /// <summary>Envelope format version.</summary>
    public const string Version = "v";
    /// <summary>Business domain.</summary>
    public const string Domain = "domain";
    /// <summary>Record type.</summary>
    public const string Type = "type";
    /// <summary>The version of the record type's schema the payload was written under (ledger-record/v2 on).</summary>
    public const string TypeVersion = "typeVersion";
    /// <summary>Record id.</summary>
    public const string Id = "id";
    /// <summary>Issuing agency.</summary>
    public const string Issuer = "issuer";
    /// <summary>Event time.</summary>
    public const string OccurredAt = "occurredAt";
    /// <summary>Domain data.</summary>
    public const string Payload = "payload";
    /// <summary>Secret salt.</summary>
    public const string Salt = "salt";
    /// <summary>The hash of the earlier record this one corrects (ledger-record/v2 on; present only in corrections).</summary>
    public const string Supersedes = "supersedes";

    /// <summary>Every field of any format version; a ledger-record/v2 envelope has these, <see cref="Supersedes"/> only in a correction.</summary>
    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Version, Domain, Type, TypeVersion, Id, Issuer, OccurredAt, Payload, Salt, Supersedes,
    };
}
