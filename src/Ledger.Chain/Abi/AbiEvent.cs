using Ledger.Core.Encoding;

namespace Ledger.Chain.Abi;

/// <summary>A contract event: its topic 0 and the decoding of one log into named values.</summary>
public sealed record AbiEvent(string Name, IReadOnlyList<AbiParameter> Parameters)
{
    /// <summary>The canonical signature, e.g. <c>RootAnchored(uint256,bytes32,uint64)</c>.</summary>
    public string Signature => AbiSignature.Canonical(Name, Parameters);

    /// <summary>keccak-256 of the signature as 0x hex: topic 0 of every non-anonymous log of this event.</summary>
    public string Topic => Hex.Encode(AbiSignature.Hash(Signature));

    /// <summary>Parses <c>RootAnchored(uint256 indexed batchId, bytes32 indexed root, uint64 leafCount)</c>.</summary>
    public static AbiEvent Parse(string declaration)
    {
        var (name, parameters) = AbiSignature.Parse(declaration);
        return new AbiEvent(name, parameters);
    }

    /// <summary>
    /// Decodes a log of this event, or returns null when topic 0 or the topic count does not match. Indexed
    /// parameters of dynamic types are only hashes in the topic, so they come back as the 32-byte hash.
    /// </summary>
    public IReadOnlyDictionary<string, object?>? TryDecode(IReadOnlyList<string> topics, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var indexed = Parameters.Where(p => p.Indexed).ToList();
        if (topics.Count != indexed.Count + 1 || !string.Equals(topics[0], Topic, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < indexed.Count; i++)
        {
            var topic = Hex.DecodeFixed(topics[i + 1], 32);
            values[indexed[i].Name] = indexed[i].Type.IsDynamic
                ? topic
                : AbiDecoder.Decode([indexed[i].Type], topic)[0];
        }
        var unindexed = Parameters.Where(p => !p.Indexed).ToList();
        var decoded = AbiDecoder.Decode([.. unindexed.Select(p => p.Type)], data);
        for (var i = 0; i < unindexed.Count; i++)
        {
            values[unindexed[i].Name] = decoded[i];
        }
        return values;
    }
}
