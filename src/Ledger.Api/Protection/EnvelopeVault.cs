using System.Text;
using System.Text.Json.Nodes;
using Ledger.Api.Problems;
using Ledger.Core.Encoding;
using Ledger.Core.Hashing;
using Ledger.Core.Protection;
using Ledger.Data.Records;

namespace Ledger.Api.Protection;

/// <summary>
/// Seals L2+ envelopes (payload and salt) under their subject's data key before they are written, and opens them for
/// authorised reads. L1 envelopes are public and stay readable in the row.
/// </summary>
internal sealed class EnvelopeVault(SubjectKeyStore subjectKeys, ProtectionKeys keys, ISecureRandom random, ILogger<EnvelopeVault> log)
{
    /// <summary>The row to write: unchanged for L1; otherwise the envelope sealed and the plain text gone from the row.</summary>
    public async Task<StoredRecord> SealAsync(StoredRecord plain, CancellationToken ct)
    {
        var payload = plain.Level <= 1 ? null : JsonNode.Parse(plain.EnvelopeJson)!["payload"]!.AsObject();
        using var dataKey = payload is null ? null : await SealingKeyAsync(plain.Issuer, plain.Domain, plain.Type, payload, ct);
        return dataKey is null ? plain : Seal(plain, dataKey);
    }

    /// <summary>
    /// The data key a record of this subject is sealed with, created on first use (a write on a connection of its
    /// own: open it before the commit's transaction takes the write lock).
    /// </summary>
    public async Task<DataKey> SealingKeyAsync(string issuer, string domain, string type, JsonObject payload, CancellationToken ct) =>
        await subjectKeys.GetOrCreateAsync(RecordSubjects.DigestOf(keys, issuer, domain, type, payload), ct);

    /// <summary>The row with its envelope sealed under <paramref name="dataKey"/>; touches no database.</summary>
    public StoredRecord Seal(StoredRecord plain, DataKey dataKey)
    {
        var sealedEnvelope = new PayloadCipher(random).Encrypt(Encoding.UTF8.GetBytes(plain.EnvelopeJson), dataKey, AssociatedData(plain.Id));
        return plain.WithSealedEnvelope(sealedEnvelope, dataKey.KeyId);
    }

    /// <summary>
    /// The canonical envelope text, checked against the record hash; null when the payload was erased. A sealed
    /// envelope that fails authentication or no longer hashes to the record is a 500: the row was tampered with.
    /// </summary>
    public async Task<string?> OpenAsync(StoredRecord record, CancellationToken ct)
    {
        if (record.SealedEnvelope is null)
        {
            return record.ErasedAtMs is null && record.EnvelopeJson.Length > 0 ? record.EnvelopeJson : null;
        }
        if (record.DataKeyId is null || record.ErasedAtMs is not null)
        {
            return null;
        }
        using var dataKey = await subjectKeys.OpenAsync(record.DataKeyId, ct);
        if (dataKey is null)
        {
            return null;
        }
        try
        {
            var bytes = PayloadCipher.Decrypt(record.SealedEnvelope, dataKey, AssociatedData(record.Id));
            if (!string.Equals(Hex.Encode(Keccak256.Hash(bytes)), record.RecordHash, StringComparison.Ordinal))
            {
                log.LogError("Record {RecordId}: its sealed envelope does not hash to its record hash.", record.Id);
                throw Tampered(record);
            }
            return Encoding.UTF8.GetString(bytes);
        }
        catch (Exception e) when (e is PayloadAuthenticationException or ProtectionFormatException or KeyUnavailableException)
        {
            // The library's messages name key ids only, never key material or content.
            log.LogError("Record {RecordId}: its sealed envelope does not open: {Reason}", record.Id, e.Message);
            throw Tampered(record);
        }
    }

    // The record id binds each sealed envelope to its row: copied into another row, it fails to open.
    private static byte[] AssociatedData(string recordId) => Encoding.UTF8.GetBytes("record:" + recordId);

    private static LedgerProblem Tampered(StoredRecord record) => new(StatusCodes.Status500InternalServerError,
        "Stored record failed its integrity check",
        $"The stored envelope of record {record.Id} does not open or does not match its record hash; the service log has the details.");
}
