using System.Text;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Api.Protection;
using Ledger.Core.Protection;
using Ledger.Core.Records.Types.CommunityCorrection;
using Ledger.Data;
using Ledger.Data.Correction;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Correction;

/// <summary>
/// The real identity of a case's person, if it is kept at all: sealed under the same data key as the case-opened
/// record (so it is crypto-shredded with it), kept beside the case and never in a record — so it is never hashed,
/// anchored, or put in an evidence package — and opened only for the jurisdiction's correction officers and bureau
/// approvers (not auditors, who see the pseudonymous case).
/// </summary>
internal sealed class CaseIdentities(LedgerDbContext db, SubjectKeyStore keys, ISecureRandom random)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Who is shown the identity.</summary>
    public static bool MaySee(Caller caller) => caller.Role is CorrectionRoles.Officer or CorrectionRoles.BureauApprover;

    /// <summary>Seals <paramref name="identity"/> beside the case whose case-opened record is <paramref name="opened"/>.</summary>
    public async Task KeepAsync(StoredRecord opened, CaseIdentity identity, CancellationToken ct)
    {
        using var key = await keys.OpenAsync(opened.DataKeyId ?? throw new InvalidOperationException("A case-opened record has no data key."), ct)
            ?? throw new InvalidOperationException("The case's data key is gone.");
        var sealedIdentity = new PayloadCipher(random).Encrypt(JsonSerializer.SerializeToUtf8Bytes(identity, Json), key, AssociatedData(opened.Id));
        await db.CorrectionCases.Where(c => c.Id == opened.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.IdentitySealed, sealedIdentity).SetProperty(c => c.IdentityKeyId, key.KeyId), ct);
    }

    /// <summary>The identity kept for <paramref name="correctionCase"/>, when <paramref name="caller"/> may see it; null otherwise.</summary>
    public async Task<CaseIdentity?> OpenAsync(CorrectionCase correctionCase, Caller caller, CancellationToken ct)
    {
        if (!MaySee(caller) || correctionCase is not { IdentitySealed: { } sealedIdentity, IdentityKeyId: { } keyId })
        {
            return null;
        }
        using var key = await keys.OpenAsync(keyId, ct);
        return key is null ? null
            : JsonSerializer.Deserialize<CaseIdentity>(PayloadCipher.Decrypt(sealedIdentity, key, AssociatedData(correctionCase.Id)), Json);
    }

    private static byte[] AssociatedData(string caseId) => Encoding.UTF8.GetBytes($"ledger/case-identity/v1\0{caseId}");
}
