using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Core.Canonical;

namespace Ledger.Core.Records;

/// <summary>
/// A record exactly as it is committed to: metadata, payload and salt, hashed as canonical JSON. The service writes
/// <see cref="Version2"/> envelopes, which name the type version; it reads <see cref="Version1"/> ones too, from before
/// type versions, whose bytes and hashes stay exactly as they were (docs/proof-format.md §1).
/// </summary>
public sealed record RecordEnvelope
{
    /// <summary>Eight members, no <c>typeVersion</c>: every record written in this format is of type version 1.</summary>
    public const string Version1 = "ledger-record/v1";

    /// <summary>
    /// Nine members: v1's and <c>typeVersion</c>, the version of the record type's schema; a tenth, <c>supersedes</c>,
    /// in a correction.
    /// </summary>
    public const string Version2 = "ledger-record/v2";

    /// <summary>The envelope format the service writes.</summary>
    public const string CurrentVersion = Version2;

    /// <summary>Envelope format, JSON <c>v</c>: <see cref="Version1"/> or <see cref="Version2"/>.</summary>
    public required string Version { get; init; }

    /// <summary>Business domain, e.g. <c>food-safety</c> (see <see cref="RecordDomains"/>).</summary>
    public required string Domain { get; init; }

    /// <summary>Record type within the domain, e.g. <c>inspection</c>.</summary>
    public required string Type { get; init; }

    /// <summary>
    /// The version of the type's schema the payload was written under, JSON <c>typeVersion</c> in
    /// <see cref="Version2"/> envelopes; a <see cref="Version1"/> envelope does not carry it and is version 1.
    /// </summary>
    public int TypeVersion { get; init; } = 1;

    /// <summary>Record id: a UUID in lower-case 8-4-4-4-12 form.</summary>
    public required string Id { get; init; }

    /// <summary>Identifier of the issuing agency.</summary>
    public required string Issuer { get; init; }

    /// <summary>When the recorded event happened, normalized by <see cref="Timestamps.TryNormalize(string?, out string, out string?)"/>.</summary>
    public required string OccurredAt { get; init; }

    /// <summary>The domain data, checked by the record type's definition; never leaves the service.</summary>
    public required JsonObject Payload { get; init; }

    /// <summary>256 secret random bits, "0x" + 64 lower-case hex digits, so the hash cannot be guessed from likely payloads.</summary>
    public required string Salt { get; init; }

    /// <summary>
    /// The hash of the earlier record of the same type that this one corrects (JSON <c>supersedes</c>, in
    /// <see cref="Version2"/> envelopes only); null for a record that corrects nothing. Inside the envelope, so the
    /// link is sealed, signed and anchored with the correction.
    /// </summary>
    public string? Supersedes { get; init; }

    /// <summary>The envelope as the JSON object that is canonicalized and hashed; the payload is copied.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject
        {
            [EnvelopeFields.Version] = Version,
            [EnvelopeFields.Domain] = Domain,
            [EnvelopeFields.Type] = Type,
        };
        if (Version != Version1)
        {
            json[EnvelopeFields.TypeVersion] = TypeVersion;
        }
        json[EnvelopeFields.Id] = Id;
        json[EnvelopeFields.Issuer] = Issuer;
        json[EnvelopeFields.OccurredAt] = OccurredAt;
        json[EnvelopeFields.Payload] = Payload.DeepClone();
        json[EnvelopeFields.Salt] = Salt;
        if (Supersedes is not null)
        {
            json[EnvelopeFields.Supersedes] = Supersedes;
        }
        return json;
    }

    /// <summary>
    /// Reads an envelope strictly: every field of its format present with the right JSON type, no other, a known version,
    /// and values already in their one valid form (they are hashed as they are, so nothing is normalized here).
    /// </summary>
    /// <exception cref="RecordFormatException">The JSON is not a well-formed v1 or v2 envelope.</exception>
    public static RecordEnvelope FromJson(JsonNode? node)
    {
        if (node is not JsonObject obj)
        {
            throw new RecordFormatException("$", "a record envelope must be a JSON object");
        }
        RecordEnvelope envelope;
        try
        {
            envelope = Read(obj);
        }
        catch (ArgumentException)
        {
            // System.Text.Json materializes parsed objects lazily and only then notices a repeated name.
            throw new RecordFormatException("$", "the envelope or its payload has duplicate property names");
        }
        envelope.EnsureWellFormed();
        try
        {
            // Refuse here what hashing would refuse later (duplicate names, inexact numbers deep in the payload).
            _ = JsonCanonicalizer.CanonicalizeToString(envelope.Payload);
        }
        catch (CanonicalJsonException e)
        {
            throw new RecordFormatException(EnvelopeFields.Payload, e.Message);
        }
        return envelope;
    }

    /// <summary>
    /// The type version of an envelope already known to be well formed (a stored one): its <c>typeVersion</c>, or 1 for
    /// a ledger-record/v1 envelope, which does not carry it.
    /// </summary>
    public static int TypeVersionOf(JsonObject envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        return envelope[EnvelopeFields.TypeVersion] is JsonValue value && value.TryGetValue<int>(out var number) ? number : 1;
    }

    /// <summary>Throws <see cref="RecordFormatException"/> unless every field has its one valid form (see <see cref="EnvelopeRules"/>).</summary>
    public void EnsureWellFormed() => EnvelopeRules.Check(this);

    private static RecordEnvelope Read(JsonObject obj)
    {
        foreach (var (name, _) in obj)
        {
            if (!EnvelopeFields.All.Contains(name))
            {
                throw new RecordFormatException(name.Length <= 32 ? name : name[..32] + "…", "unknown envelope field");
            }
        }
        var version = ReadString(obj, EnvelopeFields.Version);
        return new RecordEnvelope
        {
            Version = version,
            Domain = ReadString(obj, EnvelopeFields.Domain),
            Type = ReadString(obj, EnvelopeFields.Type),
            TypeVersion = ReadTypeVersion(obj, version),
            Id = ReadString(obj, EnvelopeFields.Id),
            Issuer = ReadString(obj, EnvelopeFields.Issuer),
            OccurredAt = ReadString(obj, EnvelopeFields.OccurredAt),
            Payload = obj[EnvelopeFields.Payload] switch
            {
                JsonObject payload => (JsonObject)payload.DeepClone(),
                null when !obj.ContainsKey(EnvelopeFields.Payload) => throw Missing(EnvelopeFields.Payload),
                _ => throw new RecordFormatException(EnvelopeFields.Payload, "must be a JSON object"),
            },
            Salt = ReadString(obj, EnvelopeFields.Salt),
            Supersedes = ReadSupersedes(obj, version),
        };
    }

    // Optional, and only in v2: a v1 envelope predates corrections.
    private static string? ReadSupersedes(JsonObject obj, string version)
    {
        if (!obj.ContainsKey(EnvelopeFields.Supersedes))
        {
            return null;
        }
        return version == Version1
            ? throw new RecordFormatException(EnvelopeFields.Supersedes, $"is not a member of {Version1} envelopes, which predate corrections")
            : ReadString(obj, EnvelopeFields.Supersedes);
    }

    private static string ReadString(JsonObject obj, string name)
    {
        if (!obj.TryGetPropertyValue(name, out var value))
        {
            throw Missing(name);
        }
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
        {
            throw new RecordFormatException(name, "must be a JSON string");
        }
        try
        {
            return v.GetValue<string>();
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate: System.Text.Json parsed it but cannot make a .NET string of it.
            throw new RecordFormatException(name, "must be a string of valid Unicode");
        }
    }

    // Present exactly in v2; an unknown format is refused by the envelope rules, whatever it holds.
    private static int ReadTypeVersion(JsonObject obj, string version)
    {
        var present = obj.TryGetPropertyValue(EnvelopeFields.TypeVersion, out var value);
        if (version == Version1)
        {
            return present
                ? throw new RecordFormatException(EnvelopeFields.TypeVersion, $"is not a member of {Version1} envelopes, which are all of type version 1")
                : 1;
        }
        if (version != Version2)
        {
            return 1;
        }
        if (!present)
        {
            throw Missing(EnvelopeFields.TypeVersion);
        }
        // A plain integer literal, as the service writes it: the hash is over the canonical number either way.
        return value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var number) && number >= 1
            ? number
            : throw new RecordFormatException(EnvelopeFields.TypeVersion, "must be a whole number from 1, without fraction or exponent");
    }

    private static RecordFormatException Missing(string name) => new(name, "is required");
}
