namespace Ledger.Core.Canonical;

/// <summary>JSON that cannot be canonicalized under RFC 8785 and the ledger's I-JSON rules; the message names the JSON path.</summary>
public sealed class CanonicalJsonException : FormatException
{
    /// <summary>Creates the exception for a problem at <paramref name="path"/> (a JSON path such as <c>$.items[2].value</c>).</summary>
    public CanonicalJsonException(string path, string problem)
        : base($"{problem} (at {path})")
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>Creates the exception for a problem at <paramref name="path"/>, keeping the underlying cause.</summary>
    public CanonicalJsonException(string path, string problem, Exception inner)
        : base($"{problem} (at {path})", inner)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>Where the problem is, as a JSON path starting at <c>$</c>.</summary>
    public string Path { get; }

    /// <summary>What is wrong, without the location.</summary>
    public string Problem { get; }
}
