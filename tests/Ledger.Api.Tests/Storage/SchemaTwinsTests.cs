using System.Text.RegularExpressions;
using Ledger.Data.Schema;

namespace Ledger.Api.Tests.Storage;

/// <summary>
/// Every schema script exists for both providers, under the same number and name: a SQLite migration merged without
/// its PostgreSQL twin (or the other way round) fails here, before any service runs on an old schema.
/// </summary>
public sealed class SchemaTwinsTests
{
    [Fact]
    public void EverySqliteScriptHasAPostgreSqlTwinOfTheSameNumberAndName()
    {
        var sqlite = SchemaMigrator.ScriptNames("Sqlite");
        var postgres = SchemaMigrator.ScriptNames("PostgreSql");

        Assert.NotEmpty(sqlite);
        Assert.Empty(sqlite.Except(postgres));
        Assert.Empty(postgres.Except(sqlite));
        Assert.Equal(sqlite.Select(Number).Distinct().Count(), sqlite.Count);
    }

    [Fact]
    public void NoPostgreSqlScriptStoresJson()
    {
        // JSONB reorders keys and drops whitespace; JSON keeps the text but invites JSON operators on records. The
        // record hash commits to the exact bytes, so envelopes and projections are TEXT.
        foreach (var name in SchemaMigrator.ScriptNames("PostgreSql"))
        {
            // A column or cast target of type json/jsonb is refused; reading a TEXT envelope as jsonb inside an index
            // expression (migration 0014: rapid tests by lot) stores nothing but the extracted field.
            var statements = Regex.Replace(SchemaMigrator.ScriptText("PostgreSql", name), "--.*", "");
            var withoutIndexExpressions = Regex.Replace(statements, @"(?is)CREATE\s+(UNIQUE\s+)?INDEX\b.*?;", "");
            Assert.DoesNotMatch(@"(?i)\bjsonb?\b", withoutIndexExpressions);
        }
    }

    private static string Number(string script) => script[..4];
}
