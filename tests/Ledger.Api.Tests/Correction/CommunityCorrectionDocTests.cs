using System.Text.RegularExpressions;
using Ledger.Core.Records.Types.CommunityCorrection.Compliance;
using Ledger.Testing;

namespace Ledger.Api.Tests.Correction;

/// <summary>Keeps docs/community-correction.md honest: every test its duty table names exists, and every alert kind is explained.</summary>
public sealed partial class CommunityCorrectionDocTests
{
    private static readonly string Doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "community-correction.md"));

    [Fact]
    public void EveryTestTheDutyTableNamesExists()
    {
        var table = Doc[Doc.IndexOf("## Legal duties, features and tests", StringComparison.Ordinal)..Doc.IndexOf("## The scenario", StringComparison.Ordinal)];
        var sources = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        var names = table.Split('\n').Where(l => l.StartsWith('|')).Select(l => l.Split('|')[^2])
            .SelectMany(cell => TestName().Matches(cell).Select(m => m.Groups[1].Value)).ToList();

        Assert.NotEmpty(names);
        foreach (var name in names)
        {
            var (type, method) = name.Split('.') is [var t, var m] ? (t, m.TrimStart('…')) : (name, null);
            Assert.True(sources.Any(s => s.Contains($"class {type}", StringComparison.Ordinal) && (method is null || s.Contains(method, StringComparison.Ordinal))),
                $"docs/community-correction.md names {name}, which no test defines");
        }
    }

    [Fact]
    public void EveryAlertKindIsExplained() =>
        Assert.All(AlertKinds.All, kind => Assert.Contains($"`{kind.Kind}`", Doc, StringComparison.Ordinal));

    [GeneratedRegex("`([A-Z][A-Za-z]+(?:\\.…?[A-Z][A-Za-z0-9]+)?)`")]
    private static partial Regex TestName();
}
