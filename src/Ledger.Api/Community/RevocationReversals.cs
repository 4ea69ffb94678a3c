using System.Text.Json.Nodes;
using Ledger.Api.Protection;
using Ledger.Api.Records;
using Ledger.Api.Records.Writing;
using Ledger.Core.Records;
using Ledger.Core.Records.Projections;
using Ledger.Core.Records.Types.SharedCommunity.Revocations;
using Ledger.Data.Records;

namespace Ledger.Api.Community;

/// <summary>
/// Builds, for a revocation of a time-bank or fund entry, the commit effects that reverse its effect on the balances in
/// the revocation's own transaction (<see cref="RevokedEntries"/>), so a concurrent redemption or expense sees either
/// the entry or its reversal, never both or neither.
/// </summary>
internal sealed class RevocationReversals(EnvelopeVault vault, ProtectionKeys keys)
{
    /// <summary>The effects for revoking <paramref name="record"/>, or null when revoking it changes no balance.</summary>
    public async Task<CommitEffects?> ForAsync(StoredRecord record, CancellationToken ct)
    {
        if (!RevokedEntries.Concerns(record.Domain, record.Type) ||
            !RecordTypeCatalog.Default.TryGet(record.Domain, record.Type, out var definition))
        {
            return null;
        }
        var envelope = JsonNode.Parse(await vault.OpenAsync(record, ct) ?? throw RecordGone.Problem(record))!.AsObject();
        var payload = envelope["payload"]!.AsObject();
        var digest = definition.SubjectField is { } field
            ? RecordSubjects.OfSubject(keys, record.Issuer, record.Domain, payload[field]!.GetValue<string>())
            : null;
        var revoked = new CommittingRecord(definition, RecordEnvelope.TypeVersionOf(envelope), record.Issuer, payload, digest) { RecordId = record.Id };
        return new Reversal(revoked, record.RecordHash);
    }

    private sealed class Reversal(CommittingRecord revoked, string revokedHash) : CommitEffects
    {
        public override Task<RuleRefusal?> CheckAsync(CommitScope scope, CancellationToken ct) =>
            RevokedEntries.CheckAsync(revoked, revokedHash, scope.Projections, ct);

        public override Task ApplyAsync(CommitScope scope, StoredRecord record, CancellationToken ct) =>
            RevokedEntries.ApplyAsync(revoked, revokedHash, scope.Projections, ct);
    }
}
