using System.CommandLine;
using Ledger.Cli.CommandLine;

namespace Ledger.Cli.Commands.Keys;

/// <summary>
/// Where a keystore's passphrase comes from: <c>--passphrase-file</c>, else the <c>LEDGER_KEYSTORE_PASSWORD</c>
/// environment variable (the one the service reads). Never from the command line itself, where it would land in the
/// shell's history and the process list.
/// </summary>
internal static class KeystorePassphrase
{
    public const string Variable = "LEDGER_KEYSTORE_PASSWORD";

    public static Option<string?> Option() => Symbols.Optional("--passphrase-file", "file",
        $"A file whose first line is the passphrase; without it, the {Variable} environment variable.");

    /// <summary>The passphrase, or a usage error saying where to put it.</summary>
    public static async Task<string> ReadAsync(string? file, CancellationToken ct)
    {
        if (file is not null)
        {
            if (!File.Exists(file))
            {
                throw new UsageException($"--passphrase-file '{file}' does not exist.");
            }
            var text = (await File.ReadAllLinesAsync(file, ct)).FirstOrDefault() ?? "";
            return text.Length > 0 ? text : throw new UsageException($"--passphrase-file '{file}' is empty.");
        }
        var fromEnvironment = Environment.GetEnvironmentVariable(Variable);
        return !string.IsNullOrEmpty(fromEnvironment)
            ? fromEnvironment
            : throw new UsageException($"No passphrase: set {Variable} or pass --passphrase-file <file>.");
    }
}
