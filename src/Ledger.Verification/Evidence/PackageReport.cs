namespace Ledger.Verification.Evidence;

/// <summary>The findings of a package check as they accumulate: lines for people, problems, and the worst verdict so far.</summary>
internal sealed class PackageReport
{
    private readonly List<string> _lines = [];
    private readonly List<string> _problems = [];
    private VerificationKind _kind = VerificationKind.Valid;

    /// <summary>Writes a line that is not a problem.</summary>
    public void Line(string line) => _lines.Add(ValueText.OneLine(line));

    /// <summary>Writes a problem: the package is invalid.</summary>
    public void Problem(string problem)
    {
        var text = ValueText.OneLine(problem);
        _problems.Add(text);
        _lines.Add("  ✗ " + text);
        _kind = VerificationKind.Invalid;
    }

    /// <summary>Takes a record's proof verdict into the whole: invalid beats unavailable beats pending beats issuer not proven.</summary>
    public void Count(VerificationKind kind)
    {
        if (Rank(kind) > Rank(_kind))
        {
            _kind = kind;
        }
    }

    public PackageVerification Result() => new(_kind, _lines, _problems);

    private static int Rank(VerificationKind kind) => kind switch
    {
        VerificationKind.Invalid => 4,
        VerificationKind.ChainUnavailable => 3,
        VerificationKind.NotAnchoredYet => 2,
        VerificationKind.IssuerNotProven => 1,
        _ => 0,
    };
}
