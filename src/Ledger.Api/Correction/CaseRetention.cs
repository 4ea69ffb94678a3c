using System.Text.Json.Nodes;
using Ledger.Api.Erasure;
using Ledger.Api.Problems;
using Ledger.Api.Protection;
using Ledger.Api.Records.Writing;
using Ledger.Core.Records;
using Ledger.Core.Records.Projections;
using Ledger.Core.Records.Types.Internal.Erasure;
using Ledger.Data;
using Ledger.Data.Correction;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Correction;

/// <summary>
/// Retention of closed cases: once a case has been closed for <see cref="CorrectionOptions.RetentionAfterClose"/> (a
/// minor's for <see cref="CorrectionOptions.MinorRetentionAfterClose"/>) — when the operator set them; nothing by
/// default — every data key its records were sealed under
/// is destroyed through the one erasure path — one anchored ledger/erasure record per key, basis retention-expired,
/// issued by the organisation whose key it was — and the case is marked erased. Hashes, proofs and the chain index
/// remain, so the case's records still verify and its chain can still be walked. Safe to run again and from several
/// instances: a key already destroyed is not erased twice.
/// </summary>
internal sealed class CaseRetention(LedgerDbContext db, RecordPipeline pipeline, IOptions<CorrectionOptions> options, ILogger<CaseRetention> log)
{
    /// <summary>The credential named as the erasures' requester: the service itself.</summary>
    public const string Requester = "ledger:retention";

    private const string AlreadyErased = "already-erased";

    /// <summary>Erases every case whose retention ran out by <paramref name="now"/>; returns how many.</summary>
    public async Task<int> EraseDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var settings = options.Value;
        // No period set: nothing is due (closed cases keep their payloads until an operator sets the archive rules).
        var adults = settings.RetentionAfterClose is { } adultPeriod ? (now - adultPeriod).ToUnixTimeMilliseconds() : long.MinValue;
        var minors = settings.MinorsPeriod is { } minorPeriod ? (now - minorPeriod).ToUnixTimeMilliseconds() : long.MinValue;
        if (adults == long.MinValue && minors == long.MinValue)
        {
            return 0;
        }
        var due = await db.CorrectionCases.AsNoTracking()
            .Where(c => c.ErasedAtMs == null && c.ClosedAtMs != null && c.ClosedAtMs <= (c.Minor ? minors : adults))
            .ToListAsync(ct);
        foreach (var correctionCase in due)
        {
            await EraseAsync(correctionCase, now, ct);
        }
        if (due.Count > 0)
        {
            await SqliteHygiene.CheckpointAsync(db, ct);
        }
        return due.Count;
    }

    private async Task EraseAsync(CorrectionCase correctionCase, DateTimeOffset now, CancellationToken ct)
    {
        var keys = await db.CaseChain.AsNoTracking()
            .Where(e => e.CaseId == correctionCase.Id)
            .Join(db.Records.AsNoTracking(), e => e.RecordId, r => r.Id, (e, r) => new { r.Domain, r.Issuer, r.DataKeyId })
            // The case's own records only: a revocation in the chain is sealed under its issuer's key for all revocations.
            .Where(x => x.DataKeyId != null && x.Domain == RecordDomains.CommunityCorrection)
            .Join(db.SubjectKeys.AsNoTracking(), x => x.DataKeyId, k => k.Id, (x, k) => new { x.Issuer, KeyId = k.Id, k.SubjectDigest })
            .Distinct()
            .ToListAsync(ct);
        var note = $"The case was closed on {DateTimeOffset.FromUnixTimeMilliseconds(correctionCase.ClosedAtMs!.Value):yyyy-MM-dd} and its retention period ({(correctionCase.Minor ? "a minor's" : "adults'")}) ran out.";
        var erased = 0;
        foreach (var key in keys)
        {
            var request = new EraseSubjectRequest(RecordDomains.CommunityCorrection, "", "retention-expired", note);
            var payload = new JsonObject
            {
                ["subjectDigest"] = key.SubjectDigest,
                ["domain"] = request.Domain,
                ["legalBasis"] = request.LegalBasis,
                ["requestedBy"] = Requester,
                ["note"] = note,
            };
            var effects = CommitEffects.Both(new KeyStillThere(key.KeyId), new ErasureEffects(key.KeyId, key.SubjectDigest, request, Requester, now.ToUnixTimeMilliseconds()));
            try
            {
                await pipeline.WriteInternalAsync(LedgerErasure.Definition, key.Issuer, payload, Requester, effects, "the retention erasure", ct);
                erased++;
            }
            catch (LedgerProblem e) when (e.Rule == AlreadyErased)
            {
                // Another instance, or an erasure request, destroyed it first.
            }
        }
        await db.CorrectionCases.Where(c => c.Id == correctionCase.Id && c.ErasedAtMs == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.ErasedAtMs, now.ToUnixTimeMilliseconds()), ct);
        log.LogInformation("Retention erased case {CaseId} ({Keys} data keys destroyed, each with an anchored erasure record).", correctionCase.Id, erased);
    }

    // Checked in the erasure's own commit: a key destroyed meanwhile is not erased again.
    private sealed class KeyStillThere(string keyId) : CommitEffects
    {
        public override async Task<RuleRefusal?> CheckAsync(CommitScope scope, CancellationToken ct) =>
            await scope.Db.SubjectKeys.AsNoTracking().AnyAsync(k => k.Id == keyId, ct)
                ? null
                : new RuleRefusal(AlreadyErased, RefusalKind.Conflict, "Already erased", "This data key was destroyed already.");
    }
}

/// <summary>Runs <see cref="CaseRetention"/> every <see cref="CorrectionOptions.RetentionCheckInterval"/>, in a scope of its own each time.</summary>
internal sealed class CaseRetentionWorker(IServiceScopeFactory scopes, IOptions<CorrectionOptions> options, TimeProvider time, ILogger<CaseRetentionWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RetentionCheckInterval, time);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<CaseRetention>().EraseDueAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Tried again at the next interval; nothing is half done (each erasure is one commit).
                log.LogError("Retention of closed correction cases failed and will be tried again: {Reason}", e.Message);
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
