using System.Globalization;
using System.Text.Json;
using Ledger.Testing;

namespace Ledger.Chain.Tests.Attestation;

/// <summary>Vectors printed by js/issuer-signature-vectors.mjs for a few fixed seeds, generated once per test class.</summary>
public sealed class IssuerSignatureVectors : IAsyncLifetime
{
    public const int PerSeed = 100;

    private static readonly int[] Seeds = [1, 2, 3];

    public IReadOnlyList<IssuerSignatureVector> All { get; private set; } = [];

    public async Task InitializeAsync()
    {
        var outputs = await Task.WhenAll(Seeds.Select(seed => NodeScript.RunAsync(
            "tests/Ledger.Chain.Tests/js/issuer-signature-vectors.mjs", null,
            seed.ToString(CultureInfo.InvariantCulture), PerSeed.ToString(CultureInfo.InvariantCulture))));
        All = [.. outputs.SelectMany(Parse)];
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private static IEnumerable<IssuerSignatureVector> Parse(string output)
    {
        using var document = JsonDocument.Parse(output);
        return [.. document.RootElement.GetProperty("vectors").EnumerateArray().Select(v => new IssuerSignatureVector(
            Text(v, "privateKey"), Text(v, "address"), Text(v, "recordHash"), Text(v, "messageHash"),
            Text(v, "signature"), Text(v, "recovered")))];
    }

    private static string Text(JsonElement element, string name) => element.GetProperty(name).GetString()!;
}

/// <summary>One ethers-made signature: the key, its address, the record hash and what ethers computed from them.</summary>
public sealed record IssuerSignatureVector(
    string PrivateKey, string Address, string RecordHash, string MessageHash, string Signature, string Recovered);
