namespace Ledger.Testing;

/// <summary>Where the repository, its npm tools and the shared conformance data are, found from the test binary.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding Ledger.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The repository's node_modules (installed by scripts/test).</summary>
    public static string NodeModules => Path.Combine(Root, "node_modules");

    /// <summary>The anvil binary from the @foundry-rs/anvil npm package (start it directly, never through npx).</summary>
    public static string AnvilBinary => Path.Combine(NodeModules, "@foundry-rs", "anvil-linux-amd64", "bin", "anvil");

    /// <summary>
    /// Standards' test vectors: ../shared/conformance beside the repository when it is there, else the unmodified copy
    /// in tests/conformance, so a clean clone in any folder still runs every vector.
    /// </summary>
    public static string Conformance
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(Root, "..", "shared", "conformance"));
            return Directory.Exists(shared) ? shared : Path.Combine(Root, "tests", "conformance");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ledger.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"Ledger.sln not found above {AppContext.BaseDirectory}.");
    }
}
