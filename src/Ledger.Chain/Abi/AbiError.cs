namespace Ledger.Chain.Abi;

/// <summary>A Solidity custom error (or the built-in Error(string) / Panic(uint256)): selector and argument decoding.</summary>
public sealed record AbiError(string Name, IReadOnlyList<AbiParameter> Inputs)
{
    /// <summary>The canonical signature, e.g. <c>LedgerAnchorRootAlreadyAnchored(bytes32,uint256)</c>.</summary>
    public string Signature => AbiSignature.Canonical(Name, Inputs);

    /// <summary>The 4-byte selector that starts the revert data.</summary>
    public byte[] Selector => AbiSignature.Selector(Signature);

    /// <summary>Parses <c>LedgerAnchorRootAlreadyAnchored(bytes32 root, uint256 batchId)</c>.</summary>
    public static AbiError Parse(string declaration)
    {
        var (name, inputs) = AbiSignature.Parse(declaration);
        return new AbiError(name, inputs);
    }

    /// <summary>Revert data for this error with the given arguments (used by tests and fakes).</summary>
    public byte[] Encode(params object?[] arguments) =>
        [.. Selector, .. AbiEncoder.Encode([.. Inputs.Select(p => p.Type)], arguments)];

    /// <summary>The decoded arguments when <paramref name="revertData"/> starts with this error's selector; otherwise null.</summary>
    public object?[]? TryDecode(ReadOnlySpan<byte> revertData)
    {
        if (revertData.Length < 4 || !revertData[..4].SequenceEqual(Selector))
        {
            return null;
        }
        return AbiDecoder.Decode([.. Inputs.Select(p => p.Type)], revertData[4..]);
    }
}
