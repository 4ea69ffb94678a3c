namespace Ledger.Chain;

/// <summary>Why a chain operation failed, so callers can decide between retrying, alerting and giving up.</summary>
public enum ChainErrorKind
{
    /// <summary>The node could not be reached or did not answer (connection refused, DNS, HTTP timeout).</summary>
    Unreachable,
    /// <summary>The node answered with an error this client does not classify further, or with malformed data.</summary>
    RpcError,
    /// <summary>The node serves a different chain than configured.</summary>
    WrongChainId,
    /// <summary>The sending account cannot pay for gas (and value).</summary>
    InsufficientFunds,
    /// <summary>No contract code at the configured address.</summary>
    MissingContract,
    /// <summary>The EVM reverted; <see cref="ChainException.RevertData"/> holds the revert data when the node returned it.</summary>
    Reverted,
    /// <summary>The transaction's nonce is already used.</summary>
    NonceTooLow,
    /// <summary>The node already has this exact transaction.</summary>
    AlreadyKnown,
    /// <summary>A transaction with the same nonce is pending and this one does not pay enough more to replace it.</summary>
    ReplacementUnderpriced,
    /// <summary>A wait (e.g. for a receipt) ran past its deadline.</summary>
    Timeout,
    /// <summary>The fee policy's cap is below the current base fee, so no transaction could be included now.</summary>
    FeeCapTooLow,
}
