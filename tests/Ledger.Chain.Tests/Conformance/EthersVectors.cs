using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Conformance;

/// <summary>Vectors printed by js/ethers-vectors.mjs for a few fixed seeds, generated once per test class.</summary>
public sealed class EthersVectors : IAsyncLifetime
{
    public const int PerSeed = 250;

    public static readonly int[] Seeds = [1, 2, 3, 4];

    private JsonDocument[] _documents = [];

    public IEnumerable<JsonElement> Transactions => Section("transactions");

    public IEnumerable<JsonElement> Abi => Section("abi");

    public IEnumerable<JsonElement> Tuples => Section("tuples");

    public async Task InitializeAsync()
    {
        var outputs = await Task.WhenAll(Seeds.Select(seed => NodeScript.RunAsync(
            "tests/Ledger.Chain.Tests/js/ethers-vectors.mjs", null, seed.ToString(CultureInfo.InvariantCulture), PerSeed.ToString(CultureInfo.InvariantCulture))));
        _documents = [.. outputs.Select(o => JsonDocument.Parse(o))];
    }

    public Task DisposeAsync()
    {
        foreach (var document in _documents)
        {
            document.Dispose();
        }
        return Task.CompletedTask;
    }

    public static BigInteger Big(JsonElement element, string name) => BigInteger.Parse(element.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    public static ulong U64(JsonElement element, string name) => ulong.Parse(element.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    public static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;

    private IEnumerable<JsonElement> Section(string name) =>
        _documents.SelectMany(d => d.RootElement.GetProperty(name).EnumerateArray());
}
