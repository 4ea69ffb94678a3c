using System.Buffers;
using System.Reflection;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Core.Proofs;
using Ledger.Core.Records;
using Microsoft.AspNetCore.Http.Metadata;

namespace Ledger.Api.Verification;

/// <summary>
/// The answer to <c>GET /api/v1/verify/{hash}</c>: a <see cref="VerificationResult"/>, written straight from the row
/// <see cref="VerifyLookup"/> read, with a published record's payload copied as the stored canonical JSON.
/// </summary>
/// <remarks>
/// Public verification is the busiest answer there is. Built as a <see cref="VerificationResult"/> and serialised, it
/// parsed the stored envelope into a tree, took the payload out of it and wrote the tree back, property by property,
/// through the reflection serializer: a fifth of the request's time (docs/benchmarks.md, "Fifth round"). Here one
/// <see cref="Utf8JsonReader"/> pass finds the payload and the type version in the envelope's bytes (and proves them
/// well formed), and a <see cref="Utf8JsonWriter"/> writes the answer, with the same names, order and values as the
/// contract type; <c>VerificationAnswerTests</c> holds the two to each other. The payload keeps its stored form, so
/// non-ASCII text arrives as UTF-8 rather than as <c>\u</c> escapes: the same JSON value.
/// </remarks>
internal sealed class VerificationAnswer(VerifiedRecord record) : IResult, IEndpointMetadataProvider
{
    private static readonly JsonEncodedText RecordHashName = JsonEncodedText.Encode("recordHash");
    private static readonly JsonEncodedText StatusName = JsonEncodedText.Encode("status");
    private static readonly JsonEncodedText LevelName = JsonEncodedText.Encode("level");
    private static readonly JsonEncodedText IssuerName = JsonEncodedText.Encode("issuer");
    private static readonly JsonEncodedText IssuerNameName = JsonEncodedText.Encode("issuerName");
    private static readonly JsonEncodedText AnchorName = JsonEncodedText.Encode("anchor");
    private static readonly JsonEncodedText ContentName = JsonEncodedText.Encode("content");
    private static readonly JsonEncodedText SignatureName = JsonEncodedText.Encode("signature");
    private static readonly JsonEncodedText ErasureName = JsonEncodedText.Encode("erasure");
    private static readonly JsonEncodedText RevocationName = JsonEncodedText.Encode("revocation");
    private static readonly JsonEncodedText SupersessionName = JsonEncodedText.Encode("supersession");
    private static readonly JsonEncodedText LinksName = JsonEncodedText.Encode("links");
    private static readonly JsonEncodedText ProofName = JsonEncodedText.Encode("proof");
    private static readonly JsonEncodedText ErasureRecordHashName = JsonEncodedText.Encode("erasureRecordHash");

    /// <summary>Declares the body as <see cref="VerificationResult"/>, as <c>Ok&lt;VerificationResult&gt;</c> did, so the OpenAPI document is unchanged.</summary>
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(VerificationResult), ["application/json"]));

    public Task ExecuteAsync(HttpContext context)
    {
        var body = new ArrayBufferWriter<byte>(record.EnvelopeUtf8.Length + 1024);
        using (var json = new Utf8JsonWriter(body))
        {
            Write(json, record);
        }
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.WrittenCount;
        return response.BodyWriter.WriteAsync(body.WrittenMemory, context.RequestAborted).AsTask();
    }

    /// <summary>Writes the public answer about <paramref name="record"/>: for L2–L4 only what the chain and the signature already say.</summary>
    internal static void Write(Utf8JsonWriter json, VerifiedRecord record)
    {
        // docs/security.md, "What the public sees": level, agency name, content, erasure, revocation and correction
        // only for published records.
        var published = PublicDisclosure.ShowsContent((DataLevel)record.Level);
        json.WriteStartObject();
        json.WriteString(RecordHashName, record.RecordHash);
        json.WriteString(StatusName, record.PublicStatus);
        if (published)
        {
            json.WriteNumber(LevelName, record.Level);
        }
        else
        {
            json.WriteNull(LevelName);
        }
        json.WriteString(IssuerName, record.Issuer);
        WriteStringOrNull(json, IssuerNameName, published ? record.IssuerName : null);
        json.WritePropertyName(AnchorName);
        if (record.Anchor is { } anchor)
        {
            WriteAnchor(json, anchor);
        }
        else
        {
            json.WriteNullValue();
        }
        json.WritePropertyName(ContentName);
        if (published && record.EnvelopeUtf8.Length > 0)
        {
            WriteContent(json, record);
        }
        else
        {
            json.WriteNullValue();
        }
        json.WritePropertyName(SignatureName);
        if (record.Signature is { } signature)
        {
            WriteIssuer(json, signature);
        }
        else
        {
            json.WriteNullValue();
        }
        json.WritePropertyName(ErasureName);
        if (published && record.ErasedAtMs is { } erasedAt)
        {
            json.WriteStartObject();
            json.WriteString("erasedAt", DateTimeOffset.FromUnixTimeMilliseconds(erasedAt));
            WriteStringOrNull(json, ErasureRecordHashName, record.ErasureRecordHash);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNullValue();
        }
        json.WritePropertyName(RevocationName);
        if (published && record.Revocation is { } revocation)
        {
            json.WriteStartObject();
            json.WriteString("revokedAt", revocation.RevokedAt);
            json.WriteString("revokedBy", revocation.RevokedBy);
            json.WriteString("reasonCode", revocation.ReasonCode);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNullValue();
        }
        json.WritePropertyName(SupersessionName);
        if (published && record.Supersession is { } supersession)
        {
            json.WriteStartObject();
            json.WriteString("supersededAt", supersession.SupersededAt);
            json.WriteString("supersededBy", supersession.SupersededBy);
            json.WriteEndObject();
        }
        else
        {
            json.WriteNullValue();
        }
        json.WritePropertyName(LinksName);
        json.WriteStartObject();
        json.WriteString(ProofName, "/api/v1/proofs/" + record.RecordHash);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    // PublishedContent: domain, type, typeVersion, occurredAt, recordedAt, payload.
    private static void WriteContent(Utf8JsonWriter json, VerifiedRecord record)
    {
        var (typeVersion, payload) = PublishedParts(record.EnvelopeUtf8);
        json.WriteStartObject();
        json.WriteString("domain", record.Domain);
        json.WriteString("type", record.Type);
        json.WriteNumber("typeVersion", typeVersion);
        json.WriteString("occurredAt", record.OccurredAt);
        json.WriteString("recordedAt", DateTimeOffset.FromUnixTimeMilliseconds(record.ReceivedAtMs));
        json.WritePropertyName("payload");
        // Already checked by the reader's pass in PublishedParts.
        json.WriteRawValue(payload.Span, skipInputValidation: true);
        json.WriteEndObject();
    }

    /// <summary>
    /// The envelope's type version (1 for a ledger-record/v1 envelope, which has none) and its payload's bytes, found
    /// in one reader pass that also proves the whole envelope well formed.
    /// </summary>
    internal static (int TypeVersion, ReadOnlyMemory<byte> Payload) PublishedParts(byte[] envelope)
    {
        var reader = new Utf8JsonReader(envelope);
        var typeVersion = 1;
        var payload = ReadOnlyMemory<byte>.Empty;
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A stored envelope is not a JSON object.");
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isPayload = reader.ValueTextEquals(EnvelopeFields.Payload);
            var isTypeVersion = !isPayload && reader.ValueTextEquals(EnvelopeFields.TypeVersion);
            reader.Read();
            if (isPayload)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                payload = envelope.AsMemory(start, (int)reader.BytesConsumed - start);
            }
            else if (isTypeVersion && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number))
            {
                typeVersion = number;
            }
            else
            {
                reader.Skip();
            }
        }
        if (reader.TokenType != JsonTokenType.EndObject || payload.IsEmpty)
        {
            throw new JsonException("A stored envelope has no payload object.");
        }
        return (typeVersion, payload);
    }

    // AnchorSection and IssuerSection (Ledger.Core.Proofs), camel-cased as the serializer names them.
    private static void WriteAnchor(Utf8JsonWriter json, AnchorSection anchor)
    {
        json.WriteStartObject();
        json.WriteNumber("chainId", anchor.ChainId);
        json.WriteString("contract", anchor.Contract);
        json.WriteString("txHash", anchor.TxHash);
        json.WriteNumber("blockNumber", anchor.BlockNumber);
        json.WriteString("blockHash", anchor.BlockHash);
        json.WriteString("batchId", anchor.BatchId);
        json.WriteNumber("timestamp", anchor.Timestamp);
        json.WriteEndObject();
    }

    private static void WriteIssuer(Utf8JsonWriter json, IssuerSection issuer)
    {
        json.WriteStartObject();
        json.WriteString("organisation", issuer.Organisation);
        json.WriteString("address", issuer.Address);
        json.WriteString("signature", issuer.Signature);
        json.WriteEndObject();
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, JsonEncodedText name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
