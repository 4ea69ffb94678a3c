using System.Text.Json;

namespace Ledger.Chain;

/// <summary>The compiled LedgerAnchor (src/Ledger.Chain/Contracts/LedgerAnchor.json) embedded in this assembly.</summary>
internal sealed record ContractArtifact(string ContractName, string SolcVersion, string Bytecode, string AbiJson)
{
    private const string ResourceName = "Ledger.Chain.Contracts.LedgerAnchor.json";

    private static readonly Lazy<ContractArtifact> LazyLedgerAnchor = new(Load);

    public static ContractArtifact LedgerAnchor => LazyLedgerAnchor.Value;

    private static ContractArtifact Load()
    {
        using var stream = typeof(ContractArtifact).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing; rebuild Ledger.Chain.");
        using var document = JsonDocument.Parse(stream);
        var root = document.RootElement;
        var bytecode = root.GetProperty("bytecode").GetString();
        if (bytecode is null || !bytecode.StartsWith("0x", StringComparison.Ordinal) || bytecode.Length <= 2)
        {
            throw new InvalidOperationException($"{ResourceName} has no bytecode.");
        }
        return new ContractArtifact(
            root.GetProperty("contractName").GetString() ?? "",
            root.GetProperty("solcVersion").GetString() ?? "",
            bytecode.ToLowerInvariant(),
            root.GetProperty("abi").GetRawText());
    }
}
