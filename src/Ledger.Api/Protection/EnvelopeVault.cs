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
        if (KeyIdOf(record) is not { } keyId)
        {
            return Unsealed(record);
        }
        using var dataKey = await subjectKeys.OpenAsync(keyId, ct);
        return dataKey is null ? null : Open(record, dataKey);
    }

    /// <summary>
    /// The data keys of <paramref name="records"/>, each looked up once, all in one query (per 500 keys): for reads of
    /// many records, which then open each one with <see cref="Open(StoredRecord, OpenedDataKeys)"/>. Dispose the result.
    /// </summary>
    public Task<OpenedDataKeys> KeysForAsync(IEnumerable<StoredRecord> records, CancellationToken ct) =>
        subjectKeys.OpenManyAsync(records.Select(KeyIdOf).OfType<string>(), ct);

    /// <summary>
    /// As <see cref="OpenAsync"/>, with the record's data key taken from <paramref name="dataKeys"/> (from
    /// <see cref="KeysForAsync"/> for these records) instead of a query of its own.
    /// </summary>
    public string? Open(StoredRecord record, OpenedDataKeys dataKeys) =>
        KeyIdOf(record) is not { } keyId ? Unsealed(record)
        : dataKeys.Find(keyId) is { } dataKey ? Open(record, dataKey)
        : null;

    // The key a sealed, unerased envelope needs; null when the row answers without one (see Unsealed).
    private static string? KeyIdOf(StoredRecord record) => record.SealedEnvelope is not null && record.ErasedAtMs is null ? record.DataKeyId : null;

    // A row that needs no key: its L1 envelope in clear, or null when erased (or sealed with no key named).
    private static string? Unsealed(StoredRecord record) =>
        record.SealedEnvelope is null && record.ErasedAtMs is null && record.EnvelopeJson.Length > 0 ? record.EnvelopeJson : null;

    private string Open(StoredRecord record, DataKey dataKey)
    {
        try
        {
            var bytes = PayloadCipher.Decrypt(record.SealedEnvelope!, dataKey, AssociatedData(record.Id));
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

    private static byte[] AssociatedData(string recordId) => SealedEnvelopes.AssociatedData(recordId);

    private static LedgerProblem Tampered(StoredRecord record) => new(StatusCodes.Status500InternalServerError,
        "Stored record failed its integrity check",
        $"The stored envelope of record {record.Id} does not open or does not match its record hash; the service log has the details.");
}
