namespace Ledger.Chain;

/// <summary>A classified failure talking to the chain. Messages name the operation and never carry key material.</summary>
public sealed class ChainException : Exception
{
    /// <summary>Creates an exception of the given kind.</summary>
    public ChainException(ChainErrorKind kind, string message, Exception? innerException = null, byte[]? revertData = null)
        : base(message, innerException)
    {
        Kind = kind;
        RevertData = revertData;
    }

    /// <summary>What went wrong.</summary>
    public ChainErrorKind Kind { get; }

    /// <summary>The revert data (selector + ABI arguments) when <see cref="Kind"/> is Reverted and the node returned it.</summary>
    public byte[]? RevertData { get; }
}
