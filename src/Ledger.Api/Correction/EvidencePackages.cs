using System.Text;
using Ledger.Api.Problems;
using Ledger.Api.Protection;
using Ledger.Api.Verification;
using Ledger.Core.Protection;
using Ledger.Core.Proofs;
using Ledger.Data;
using Ledger.Data.Anchoring;
using Ledger.Data.Correction;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Correction;

/// <summary>
/// Evidence packages between their making and their handing out. A package is handed out only once the access-trail
/// event of its making is confirmed on chain, with that event's proof inside: the court then holds a package that proves
/// by itself which manifest was handed out and when, so a package cut short at its end with a rewritten manifest fails
/// <c>ledger verify-package</c> with no further input. Until then its ZIP waits sealed under the case's data key (the
/// case-opened record's, so retention shreds it with the case); only the credential that asked for it may fetch it.
/// </summary>
internal sealed class EvidencePackages(LedgerDbContext db, SubjectKeyStore keys, ISecureRandom random, TimeProvider time)
{
    /// <summary>How long a caller is asked to wait before asking again while the event is not yet confirmed.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>The detail of every 404 about a package.</summary>
    public const string NotFoundDetail = "No evidence package with this id is known here for your credential.";

    /// <summary>Keeps <paramref name="made"/> for <paramref name="access"/>'s caller; returns its id.</summary>
    public async Task<string> KeepAsync(CaseAccess access, MadePackage made, CancellationToken ct)
    {
        var id = Guid.NewGuid().ToString("D");
        using var key = await keys.OpenAsync(access.Opened.DataKeyId ?? throw new InvalidOperationException("A case-opened record has no data key."), ct)
            ?? throw Erased();
        db.EvidencePackages.Add(new EvidencePackageEntry
        {
            Id = id,
            CaseId = access.Case.Id,
            RequestedBy = access.Caller.KeyId,
            EventRecordId = made.Event.Id,
            CreatedAtMs = time.GetUtcNow().ToUnixTimeMilliseconds(),
            PackageSealed = new PayloadCipher(random).Encrypt(made.Zip, key, AssociatedData(id)),
            KeyId = key.KeyId,
        });
        await db.SaveChangesAsync(ct);
        return id;
    }

    /// <summary>
    /// The complete package <paramref name="packageId"/> of <paramref name="access"/>'s case, if its caller asked for it:
    /// 404 otherwise, 410 once the case's payloads were erased, and a 202 problem with Retry-After while the package
    /// event is not yet confirmed on chain.
    /// </summary>
    public async Task<byte[]> CompleteAsync(CaseAccess access, string packageId, CancellationToken ct)
    {
        var entry = await db.EvidencePackages.AsNoTracking()
            .SingleOrDefaultAsync(p => p.Id == packageId && p.CaseId == access.Case.Id && p.RequestedBy == access.Caller.KeyId, ct)
            ?? throw LedgerProblem.NotFound(NotFoundDetail);
        if (access.Case.ErasedAtMs is not null || entry.KeyId is null)
        {
            throw Erased();
        }
        var packageEvent = await db.Records.AsNoTracking().SingleAsync(r => r.Id == entry.EventRecordId, ct);
        var batch = packageEvent.BatchId is { } batchId ? await db.Batches.AsNoTracking().SingleAsync(b => b.Id == batchId, ct) : null;
        var eventStatus = BatchState.RecordStatus(batch?.State);
        if (batch is null || eventStatus != RecordStatus.Confirmed)
        {
            throw new LedgerProblem(StatusCodes.Status202Accepted, "Package not ready",
                $"The package is made; the access-trail record of its making ({packageEvent.RecordHash}) is {eventStatus} and is handed out " +
                "with its proof once it is confirmed on chain, so the package proves by itself what was handed out and when. Ask again after Retry-After.")
            {
                RetryAfter = RetryAfter,
                Rule = "package-pending",
            };
        }
        using var key = await keys.OpenAsync(entry.KeyId, ct) ?? throw Erased();
        var zip = PayloadCipher.Decrypt(entry.PackageSealed, key, AssociatedData(entry.Id));
        return EvidencePackage.WithEventProof(zip, await ProofBundleFactory.CreateAsync(db, packageEvent, batch, packageEvent.PublicStatus(batch.State), ct));
    }

    private static LedgerProblem Erased() => new(StatusCodes.Status410Gone, "Records erased",
        "The case's payloads were erased (crypto-shredded) when its retention ran out; its evidence packages went with them.");

    private static byte[] AssociatedData(string packageId) => Encoding.UTF8.GetBytes($"ledger/evidence-package/v1\0{packageId}");
}
