namespace Ledger.Cli.Tests.Verification;

/// <summary>One way to spoil (or harmlessly respell) a genuine bundle, and the exit code `ledger verify` must give it.</summary>
/// <param name="Name">What was done, for the failure report.</param>
/// <param name="Bytes">The proof file's bytes after the change.</param>
/// <param name="Expected">The exit code: 0 only when no checked value changed.</param>
/// <param name="Options">Extra command-line options for this run.</param>
public sealed record BundleMutation(string Name, byte[] Bytes, int Expected, string[] Options)
{
    public override string ToString() => Name;
}
