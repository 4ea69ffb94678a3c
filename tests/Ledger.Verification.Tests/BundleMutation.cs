namespace Ledger.Verification.Tests;

/// <summary>One way to spoil (or harmlessly respell) a genuine bundle, and the verdict the verifier must give it.</summary>
/// <param name="Name">What was done, for the failure report.</param>
/// <param name="Bytes">The proof file's bytes after the change.</param>
/// <param name="Expected">The verdict: valid only when no checked value changed.</param>
/// <param name="Options">The verifying party's policies for this run.</param>
public sealed record BundleMutation(string Name, byte[] Bytes, VerificationKind Expected, VerifyOptions Options)
{
    public override string ToString() => Name;
}
