using System.Collections.Concurrent;
using System.Globalization;
using Ledger.Testing;

namespace Ledger.Verification.Tests;

/// <summary>
/// The verifier is the trust boundary: every mutation of a genuine bundle, however hostile, must end with its
/// documented verdict and one clean line, and no mutation of a checked value may pass as valid. (That each verdict
/// leaves `ledger verify` with its exit code and its line on the right stream is tested with the command line.)
/// </summary>
public sealed class BundleMutationTests(AnchoredBundles bundles) : IClassFixture<AnchoredBundles>
{
    [Fact]
    public async Task EveryMutationOfARealBundleEndsWithItsDocumentedVerdictAndOneCleanLine()
    {
        var mutations = BundleMutations.All(bundles).ToList();
        var failures = new ConcurrentBag<string>();

        // Most mutations are refused before any chain call; the rest ask a local anvil, so a few run at once.
        await Parallel.ForEachAsync(mutations, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (mutation, _) =>
        {
            var outcome = await bundles.VerifyAsync(mutation.Bytes, mutation.Options);
            if (Problem(mutation, outcome) is { } problem)
            {
                failures.Add($"{mutation.Name}: {problem} — got {outcome.Kind}: {outcome.Message}");
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

        Assert.True(signed.IsValid, signed.Message);
        Assert.True(single.IsValid, single.Message);
    }

    private static string? Problem(BundleMutation mutation, VerificationOutcome outcome)
    {
        if (!Enum.IsDefined(outcome.Kind))
        {
            return "an undocumented verdict";
        }
        if (outcome.Kind != mutation.Expected)
        {
            return mutation.Expected == VerificationKind.Valid ? "refused a harmless respelling" : string.Create(CultureInfo.InvariantCulture, $"expected {mutation.Expected}");
        }
        var lines = outcome.Message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length != 1)
        {
            return $"{lines.Length} lines of output";
        }
        var text = outcome.Message;
        if (text.Contains("   at ", StringComparison.Ordinal) || text.Contains(".cs:line", StringComparison.Ordinal)
            || text.Contains("Exception", StringComparison.Ordinal) || text.Contains("internal error", StringComparison.Ordinal))
        {
            return "a crash or an unforeseen error";
        }
        if (text.Any(c => char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format))
        {
            return "an unprintable character";
        }
        if (lines[0].Length > 1200)
        {
            return "an overlong line";
        }
        // The command line prints a valid outcome on standard output and every other on standard error.
        return outcome.IsValid == (outcome.Kind == VerificationKind.Valid) ? null : "valid and its verdict disagree";
    }
}
