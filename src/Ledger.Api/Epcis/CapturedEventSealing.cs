using Ledger.Api.Issuers;
using Ledger.Api.Protection;
using Ledger.Api.Records.Writing;
using Ledger.Chain;
using Ledger.Core.Protection;

namespace Ledger.Api.Epcis;

/// <summary>
/// Seals and signs a capture document's event records before their one commit, as every submission is (the envelope
/// sealed under its subject's data key, the record hash signed with the issuer's key), with two differences that
/// matter at 10,000 events: each data key is looked up once per document instead of once per event (one query each
/// time), and the rows are sealed and signed on every core. Nothing touches the database after the key look-ups.
/// </summary>
internal sealed class CapturedEventSealing(EnvelopeVault vault, IssuerKeys issuerKeys, ProtectionKeys keys)
{
    /// <summary>The records of <paramref name="prepared"/>, in order, ready for <see cref="RecordWriter.WriteTogetherAsync"/>.</summary>
    public async Task<IReadOnlyList<PreparedRecord>> SealAsync(IReadOnlyList<PreparedRecord> prepared, CancellationToken ct)
    {
        var opened = new Dictionary<string, DataKey>(StringComparer.Ordinal);
        try
        {
            var dataKeys = new DataKey?[prepared.Count];
            var signers = new Dictionary<string, EthereumKey>(StringComparer.Ordinal);
            for (var i = 0; i < prepared.Count; i++)
            {
                var (definition, issuer, payload) = (prepared[i].Definition, prepared[i].Issuer, prepared[i].Payload);
                if (!signers.ContainsKey(issuer))
                {
                    signers[issuer] = await issuerKeys.ForAsync(issuer, ct);
                }
                if (prepared[i].Sealed!.Level <= 1)
                {
                    continue;
                }
                var digest = RecordSubjects.DigestOf(keys, issuer, definition.Domain, definition.Type, payload);
                if (!opened.TryGetValue(digest, out var dataKey))
                {
                    dataKey = await vault.SealingKeyAsync(issuer, definition.Domain, definition.Type, payload, ct);
                    opened[digest] = dataKey;
                }
                dataKeys[i] = dataKey;
            }
            var ready = new PreparedRecord[prepared.Count];
            Parallel.For(0, prepared.Count, new ParallelOptions { CancellationToken = ct }, i =>
            {
                var record = prepared[i];
                var row = dataKeys[i] is { } dataKey ? vault.Seal(record.Sealed!, dataKey) : record.Sealed!;
                ready[i] = record with
                {
                    Sealed = IssuerSigning.Sign(row, signers[record.Issuer]),
                    SubjectDigest = RecordSubjects.SubjectOf(keys, record.Issuer, record.Definition, record.Payload),
                };
            });
            return ready;
        }
        finally
        {
            foreach (var dataKey in opened.Values)
            {
                dataKey.Dispose();
            }
        }
    }
}
