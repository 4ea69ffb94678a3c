namespace Ledger.Chain.Abi;

/// <summary>A contract function: encodes calls (selector + arguments) and decodes return data.</summary>
public sealed record AbiFunction(string Name, IReadOnlyList<AbiParameter> Inputs, IReadOnlyList<AbiParameter> Outputs)
{
    /// <summary>The canonical signature, e.g. <c>anchor(bytes32,uint64)</c>.</summary>
    public string Signature => AbiSignature.Canonical(Name, Inputs);

    /// <summary>The 4-byte function selector.</summary>
    public byte[] Selector => AbiSignature.Selector(Signature);

    /// <summary>Parses <c>anchor(bytes32 root, uint64 leafCount) returns (uint256 batchId)</c>.</summary>
    public static AbiFunction Parse(string declaration)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var split = declaration.IndexOf(" returns", StringComparison.Ordinal);
        var (name, inputs) = AbiSignature.Parse(split < 0 ? declaration.Trim() : declaration[..split].Trim());
        // "returns (uint256 x)" parses like a signature whose name is "returns".
        var outputs = split < 0 ? [] : AbiSignature.Parse(declaration[(split + 1)..].Trim()).Parameters;
        return new AbiFunction(name, inputs, outputs);
    }

    /// <summary>Calldata: the selector followed by the ABI-encoded arguments.</summary>
    public byte[] EncodeCall(params object?[] arguments) =>
        [.. Selector, .. AbiEncoder.Encode([.. Inputs.Select(p => p.Type)], arguments)];

    /// <summary>Decodes what an <c>eth_call</c> of this function returned.</summary>
    public object?[] DecodeOutput(ReadOnlySpan<byte> returnData) =>
        AbiDecoder.Decode([.. Outputs.Select(p => p.Type)], returnData);
}
