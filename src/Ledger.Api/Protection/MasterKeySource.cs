using Ledger.Api.Chain;
using Ledger.Api.Storage;
using Ledger.Core.Protection;
using Ledger.Data.Protection;

namespace Ledger.Api.Protection;

/// <summary>A master key and where it was found (for the start-up log; never the key).</summary>
internal sealed record ResolvedMasterKey(MasterKey Key, string Source);

/// <summary>Finds the master key at start, or explains exactly what to configure.</summary>
internal static class MasterKeySource
{
    private const string FileSetting = $"{ProtectionOptions.Section}:{nameof(ProtectionOptions.MasterKeyFile)}";

    /// <summary>
    /// The configured key file, else the key in <c>LEDGER_MASTER_KEY</c> (<paramref name="text"/>, read through
    /// configuration so tests can set it), else (embedded mode only) the data folder's key file.
    /// </summary>
    /// <exception cref="InvalidOperationException">No key, two keys, or an unreadable one; the message says what to set.</exception>
    public static ResolvedMasterKey Resolve(ProtectionOptions options, string? text, ChainOptions chain, StorageOptions storage, ILogger log)
    {
        var file = options.MasterKeyFile;
        if (!string.IsNullOrWhiteSpace(file) && !string.IsNullOrWhiteSpace(text))
        {
            throw new InvalidOperationException(
                $"Both {FileSetting} and {MasterKeyFiles.EnvironmentVariable} are set; configure the master key in one place only.");
        }
        if (!string.IsNullOrWhiteSpace(file))
        {
            return new(MasterKeyFiles.Read(file, FileSetting), $"{FileSetting} ({Path.GetFullPath(file)})");
        }
        if (!string.IsNullOrWhiteSpace(text))
        {
            return new(MasterKeyFiles.Parse(text, MasterKeyFiles.EnvironmentVariable), MasterKeyFiles.EnvironmentVariable);
        }
        if (!chain.IsEmbedded)
        {
            throw new InvalidOperationException(
                $"No master key is configured. L2+ payloads are encrypted at rest under a master key kept outside the database: "
                + $"set {FileSetting} to a file holding 64 hex digits (owner-readable only), or the {MasterKeyFiles.EnvironmentVariable} "
                + "environment variable. Only embedded mode (no Chain:RpcUrl) creates one by itself.");
        }
        var path = Path.Combine(storage.ResolveDataDirectory(), MasterKeyFiles.EmbeddedFileName);
        if (File.Exists(path))
        {
            return new(MasterKeyFiles.Read(path, "The embedded master key file"), path);
        }
        var created = MasterKeyFiles.CreateNew(path);
        log.LogWarning("Created master key {MasterKeyId} in {Path} (embedded mode). Back it up: without it, L2+ payloads cannot be read.", created.Id, path);
        return new(created, path);
    }
}
