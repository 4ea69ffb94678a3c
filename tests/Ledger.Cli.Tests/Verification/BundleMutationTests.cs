using System.Collections.Concurrent;
using System.Globalization;

namespace Ledger.Cli.Tests.Verification;

/// <summary>
/// `ledger verify` is the trust boundary: every mutation of a genuine bundle, however hostile, must end with its
/// documented exit code and one clean line, and no mutation of a checked value may pass as valid.
/// </summary>
public sealed class BundleMutationTests(AnchoredBundles bundles) : IClassFixture<AnchoredBundles>
{
    private static readonly int[] DocumentedCodes =
        [CliApp.Valid, CliApp.Invalid, CliApp.Usage, CliApp.Unavailable, CliApp.NotAnchored, CliApp.IssuerNotProven];

    [Fact]
    public async Task EveryMutationOfARealBundleEndsWithItsDocumentedCodeAndOneCleanLine()
    {
        var mutations = BundleMutations.All(bundles).ToList();
        var failures = new ConcurrentBag<string>();

        // Most mutations are refused before any chain call; the rest ask a local anvil, so a few run at once.
        await Parallel.ForEachAsync(mutations, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (mutation, _) =>
        {
            var run = await bundles.VerifyAsync(mutation.Bytes, mutation.Options);
            if (Problem(mutation, run) is { } problem)
            {
                failures.Add($"{mutation.Name}: {problem} — got {run}");
            }
        });

        Assert.True(mutations.Count > 500, $"only {mutations.Count} mutations");
        Assert.True(failures.IsEmpty, $"{failures.Count} of {mutations.Count} mutations misbehaved:\n" + string.Join("\n", failures.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public async Task TheGenuineBundlesAreValid()
    {
        var signed = await bundles.VerifyAsync(AnchoredBundles.Parse(bundles.Signed));
        var single = await bundles.VerifyAsync(AnchoredBundles.Parse(bundles.SingleRecordBatch));

        Assert.True(signed.Code == CliApp.Valid, signed.ToString());
        Assert.True(single.Code == CliApp.Valid, single.ToString());
    }

    private static string? Problem(BundleMutation mutation, CliRun run)
    {
        if (!DocumentedCodes.Contains(run.Code))
        {
            return "an undocumented exit code";
        }
        if (run.Code != mutation.Expected)
        {
            return mutation.Expected == CliApp.Valid ? "refused a harmless respelling" : string.Create(CultureInfo.InvariantCulture, $"expected exit {mutation.Expected}");
        }
        if (run.Lines.Count != 1)
        {
            return $"{run.Lines.Count} lines of output";
        }
        if (run.Text.Contains("   at ", StringComparison.Ordinal) || run.Text.Contains(".cs:line", StringComparison.Ordinal)
            || run.Text.Contains("Exception", StringComparison.Ordinal) || run.Text.Contains("internal error", StringComparison.Ordinal))
        {
            return "a crash or an unforeseen error";
        }
        if (run.Text.TrimEnd('\n').Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format))
        {
            return "an unprintable character";
        }
        if (run.Lines[0].Length > 1200)
        {
            return "an overlong line";
        }
        var (stream, other) = run.Code == CliApp.Valid ? (run.Output, run.Error) : (run.Error, run.Output);
        return stream.Length > 0 && other.Length == 0 ? null : "the line on the wrong stream";
    }
}
