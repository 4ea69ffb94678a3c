using System.Text.Json.Nodes;
using Ledger.Api.Records;
using Ledger.Api.Records.Writing;
using Ledger.Core.Records.Projections;
using Ledger.Core.Records.Types.SharedCommunity.HoursReceived;
using Ledger.Data.Records;

namespace Ledger.Api.Community;

/// <summary>
/// The receiving half of a transfer, written in the giving half's transaction: once hours-transfer is inserted (its
/// balance rule passed inside the commit), the hours-received record naming it is built, sealed and signed for the
/// receiving community and inserted, and its projection credits the receiver. Both or neither are stored, so the
/// entries always add up to zero. Built afresh on every attempt, as a retried commit requires.
/// </summary>
/// <param name="envelopes">Builds the hours-received envelope.</param>
/// <param name="receiver">The receiving community, which issues the hours-received record.</param>
/// <param name="receiverDigest">The receiver's subject digest there, which keys their balance row.</param>
/// <param name="seal">The receiver's data key and the receiving community's signing key, opened before queueing.</param>
/// <param name="payload">The hours-received payload without <c>transferRecord</c>, which the commit fills in.</param>
/// <param name="submittedBy">The credential that asked for the transfer.</param>
internal sealed class TransferEffects(
    EnvelopeBuilder envelopes, string receiver, string receiverDigest, RecordSeal seal, JsonObject payload, string submittedBy) : CommitEffects
{
    /// <summary>The hours-received record once the commit stored it.</summary>
    public StoredRecord? ReceivedRecord { get; private set; }

    public override async Task ApplyAsync(CommitScope scope, StoredRecord record, CancellationToken ct)
    {
        var received = payload.DeepClone().AsObject();
        received["transferRecord"] = record.RecordHash;
        var definition = SharedCommunityHoursReceived.Definition;
        var row = seal.Apply(envelopes.BuildInternal(definition, receiver, received, submittedBy));
        scope.Db.Records.Add(row);
        await scope.Db.SaveChangesAsync(ct);
        var committing = new CommittingRecord(definition, definition.Current.Number, receiver, received, receiverDigest) { RecordId = row.Id };
        foreach (var projection in definition.Projections)
        {
            await projection.Apply(committing, scope.Projections, ct);
        }
        ReceivedRecord = row;
    }
}
