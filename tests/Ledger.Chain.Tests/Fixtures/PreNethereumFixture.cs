using System.Text.Json;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Fixtures;

/// <summary>The files in tests/fixtures/pre-nethereum: made by the hand-written Ledger.Chain before the move to Nethereum.</summary>
internal static class PreNethereumFixture
{
    public static JsonDocument Read(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "pre-nethereum", name)));
}
