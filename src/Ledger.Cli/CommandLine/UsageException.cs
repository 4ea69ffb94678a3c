namespace Ledger.Cli.CommandLine;

/// <summary>A command was called wrongly in a way only running it shows (no such file, no key); the message says how.</summary>
internal sealed class UsageException(string message) : Exception(message);
