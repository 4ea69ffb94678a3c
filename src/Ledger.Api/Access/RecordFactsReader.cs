using Ledger.Core.Records;
using Ledger.Data;
using Ledger.Data.Organisations;
using Ledger.Data.Records;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Access;

/// <summary>
/// Looks the issuer up in the organisations table: a record's jurisdiction is its issuer's area code, and the
/// organisations above the issuer may revoke and correct it.
/// </summary>
internal sealed class RecordFactsReader(LedgerDbContext db) : IRecordFactsReader
{
    public async Task<RecordFacts> ForAsync(StoredRecord record, CancellationToken ct)
    {
        var areaCode = await db.Organisations.AsNoTracking()
            .Where(o => o.Id == record.Issuer)
            .Select(o => o.AreaCode)
            .SingleOrDefaultAsync(ct);
        var ancestors = areaCode is null ? [] : await new OrganisationRegistry(db, TimeProvider.System).AncestorsAsync(record.Issuer, ct);
        return new RecordFacts(record.Domain, (DataLevel)record.Level, record.Issuer, areaCode ?? "")
        {
            Type = record.Type,
            IssuerAncestors = ancestors,
        };
    }
}
