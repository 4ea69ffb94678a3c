using System.Globalization;
using Ledger.Api.Food;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Food;

/// <summary>
/// Rapid tests are found by lot and by stall through migration 0014's indexes, failed inspections by lot through 0016's,
/// and a lot's results in any spelling through one range of the projections' primary key, as SQLite's own planner says.
/// </summary>
public sealed class FoodLookupIndexTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    [Theory]
    [InlineData(nameof(FoodFlags.FailedLotsSql), "USING INDEX ix_records_failed_rapid_test_lot")]
    [InlineData(nameof(FoodFlags.FailedInspectionLotsSql), "USING INDEX ix_records_failed_inspection_lot")]
    [InlineData(nameof(FoodFlags.LotTestsSql), "USING INDEX ix_records_rapid_test_lot")]
    [InlineData(nameof(FoodFlags.LotInspectionsSql), "USING INDEX ix_records_inspection_lot")]
    [InlineData(nameof(FoodFlags.StallTestsSql), "USING INDEX ix_records_rapid_test_stall")]
    [InlineData(nameof(FoodFlags.LotResultKeysSql), "USING COVERING INDEX sqlite_autoindex_projections_1 (projection=? AND key>? AND key<?)")]
    public async Task TheLookUpIsAnsweredFromItsIndexNotByAScanOfRecords(string lookUp, string expected)
    {
        var plan = await ledger.Factory.QueryAsync(async db =>
        {
            var sql = lookUp switch
            {
                nameof(FoodFlags.FailedLotsSql) => FoodFlags.FailedLotsSql(db),
                nameof(FoodFlags.FailedInspectionLotsSql) => FoodFlags.FailedInspectionLotsSql(db),
                nameof(FoodFlags.LotTestsSql) => FoodFlags.LotTestsSql(db),
                nameof(FoodFlags.LotInspectionsSql) => FoodFlags.LotInspectionsSql(db),
                nameof(FoodFlags.LotResultKeysSql) => FoodFlags.LotResultKeysSql(db),
                _ => FoodFlags.StallTestsSql(db),
            };
            var query = string.Format(CultureInfo.InvariantCulture, sql, "'urn:epc:class:lgtin:4012345.012345.L1'", "'https://id.gs1.org/01/04012345123456/10/L1'", "'https://id.gs1.org/01/04012345123456/10/L1!'");
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "EXPLAIN QUERY PLAN " + query;
            var details = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                details.Add(reader.GetString(3));
            }
            return details;
        });

        Assert.Contains(plan, d => d.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, d => d == "SCAN records");
    }
}
