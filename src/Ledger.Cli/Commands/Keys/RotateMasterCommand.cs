using System.CommandLine;
using Ledger.Cli.CommandLine;
using Ledger.Core.Protection;
using Ledger.Data;
using Ledger.Data.Protection;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Cli.Commands.Keys;

/// <summary>
/// <c>ledger keys rotate-master</c>: moves every wrapped key of a stopped service's store from its current master key
/// to a new one, in one transaction, without touching a single payload. Afterwards the service starts only with the
/// new key; the old one is refused at start.
/// </summary>
internal sealed class RotateMasterCommand : OperatorCommand
{
    internal const string KeyFileOption = "--key-file";
    private const string NewKeyFileOption = "--new-key-file";

    private readonly RequiredOption<string> _newKeyFile = new(NewKeyFileOption, "file", "/etc/ledger/master-2026.key",
        "The new master key: 64 hex digits, owner-readable only; generated into the file if it does not exist.");

    private readonly Option<string?> _keyFile = Symbols.Optional(KeyFileOption, "current key file",
        $"The current master key, if not in {MasterKeyFiles.EnvironmentVariable} or <dir>/{MasterKeyFiles.EmbeddedFileName}.");

    public RotateMasterCommand() : base("rotate-master",
        "With the service stopped: re-wrap every data key, issuer key and the key check under a new master key. Payloads "
        + $"are not touched. The current key comes from {KeyFileOption}, {MasterKeyFiles.EnvironmentVariable} or <dir>/{MasterKeyFiles.EmbeddedFileName}.")
    {
        Options.Add(_newKeyFile);
        Options.Add(_keyFile);
    }

    protected override async Task<int> RunAsync(ParseResult result, string dataDirectory, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var newKeyFile = result.GetRequiredValue(_newKeyFile);
        try
        {
            using var current = CurrentKey(result.GetValue(_keyFile), dataDirectory);
            using var next = await NewKeyAsync(newKeyFile, output);
            if (current.Id == next.Id)
            {
                await error.WriteLineAsync($"refused: the new key is the current master key ({current.Id}).");
                return CliApp.Invalid;
            }
            await using var store = await OperatorStore.OpenAsync(dataDirectory, error);
            if (await RunningHolderAsync(store.Db) is { } holder)
            {
                await error.WriteLineAsync(
                    $"refused: the service appears to be running ({holder} holds the anchoring lease). Stop every instance first: "
                    + "a running service keeps wrapping new keys under the old master key.");
                return CliApp.Invalid;
            }
            var counts = await MasterKeyRewrap.RotateAsync(store.Db, current, next, SystemSecureRandom.Instance, ct);
            await output.WriteLineAsync(
                $"Re-wrapped {counts.DataKeys} data keys, {counts.IssuerKeys} issuer keys and {(counts.KeyCheck ? "the key check" : "no key check")} "
                + $"from master key {current.Id} to {next.Id}. No payload was touched.");
            await output.WriteLineAsync(
                $"Start the service with Protection:MasterKeyFile={Path.GetFullPath(newKeyFile)} (or LEDGER_MASTER_KEY); the old key is refused from now on. "
                + "Keep the old key until backups taken before this rotation have expired: they still need it.");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync($"refused: {e.Message}");
            return CliApp.Invalid;
        }
    }

    // The same order the service uses, so the key that opens the store today is the one rotated from.
    internal static MasterKey CurrentKey(string? keyFile, string dataDirectory)
    {
        if (keyFile is not null)
        {
            return MasterKeyFiles.Read(keyFile, KeyFileOption);
        }
        if (Environment.GetEnvironmentVariable(MasterKeyFiles.EnvironmentVariable) is { Length: > 0 } text)
        {
            return MasterKeyFiles.Parse(text, MasterKeyFiles.EnvironmentVariable);
        }
        var embedded = Path.Combine(Path.GetFullPath(dataDirectory), MasterKeyFiles.EmbeddedFileName);
        return File.Exists(embedded)
            ? MasterKeyFiles.Read(embedded, "The embedded master key file")
            : throw new UsageException($"No current master key: pass {KeyFileOption} <file> or set {MasterKeyFiles.EnvironmentVariable}.");
    }

    // An existing file is used as it is; otherwise a fresh key is generated into it (owner-readable only).
    private static async Task<MasterKey> NewKeyAsync(string path, TextWriter output)
    {
        if (File.Exists(path))
        {
            return MasterKeyFiles.Read(path, NewKeyFileOption);
        }
        var key = MasterKeyFiles.CreateNew(path);
        await output.WriteLineAsync($"Generated master key {key.Id} into {Path.GetFullPath(path)} (readable by its owner only).");
        return key;
    }

    private static async Task<string?> RunningHolderAsync(LedgerDbContext db)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        return await db.Leases.AsNoTracking().Where(l => l.ExpiresAtMs > now).Select(l => l.Holder).FirstOrDefaultAsync();
    }
}
