using Ledger.Testing;

namespace Ledger.Cli.Tests.Verification;

/// <summary>Keeps the verifier's exit codes and options the same in the code, `ledger --help` and docs/proof-format.md §7.</summary>
public sealed class VerifierDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "proof-format.md"));

    public static TheoryData<int, string> ExitCodes => new()
    {
        { CliApp.Valid, "valid" },
        { CliApp.Invalid, "invalid" },
        { CliApp.Usage, "usage error" },
        { CliApp.Unavailable, "chain unavailable" },
        { CliApp.NotAnchored, "not anchored yet" },
        { CliApp.IssuerNotProven, "issuer not proven" },
    };

    [Theory]
    [MemberData(nameof(ExitCodes))]
    public void TheDocsExitCodeTableNamesEachCode(int code, string meaning) =>
        Assert.Contains($"| `{code}` | {meaning}", Doc, StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(ExitCodes))]
    public async Task TheHelpNamesEachExitCode(int code, string meaning) =>
        Assert.Contains($"{code} {meaning}", (await CliRun.RunAsync(["--help"])).Output, StringComparison.Ordinal);

    [Theory]
    [InlineData("--allow-unsigned")]
    [InlineData("--contract")]
    public async Task TheHelpAndTheDocExplainEachOption(string option)
    {
        Assert.Contains(option, Doc, StringComparison.Ordinal);
        Assert.Contains(option, (await CliRun.RunAsync(["--help"])).Output, StringComparison.Ordinal);
    }
}
