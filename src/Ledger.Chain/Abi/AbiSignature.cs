using Ledger.Core.Hashing;

namespace Ledger.Chain.Abi;

/// <summary>Parses the human-readable form <c>name(type name, type indexed name, …)</c> and hashes canonical signatures.</summary>
public static class AbiSignature
{
    /// <summary>The canonical signature, e.g. <c>anchor(bytes32,uint64)</c>.</summary>
    public static string Canonical(string name, IEnumerable<AbiParameter> parameters) =>
        $"{name}({string.Join(',', parameters.Select(p => p.Type.CanonicalName))})";

    /// <summary>The first four bytes of keccak-256 of a canonical signature: a function or error selector.</summary>
    public static byte[] Selector(string canonicalSignature) => Hash(canonicalSignature)[..4];

    /// <summary>keccak-256 of a canonical signature: an event's topic 0.</summary>
    public static byte[] Hash(string canonicalSignature) =>
        Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes(canonicalSignature));

    /// <summary>Splits <c>name(params)</c> into its name and parsed parameters (tuples are not supported).</summary>
    public static (string Name, IReadOnlyList<AbiParameter> Parameters) Parse(string signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var open = signature.IndexOf('(');
        if (open <= 0 || !signature.EndsWith(')'))
        {
            throw new FormatException($"Malformed ABI signature '{signature}'.");
        }
        var name = signature[..open].Trim();
        var list = signature[(open + 1)..^1];
        if (list.Contains('('))
        {
            throw new FormatException($"Tuple parameters are not supported: '{signature}'.");
        }
        var parameters = list.Trim().Length == 0
            ? []
            : list.Split(',').Select(ParseParameter).ToList();
        return (name, parameters);
    }

    private static AbiParameter ParseParameter(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var indexed = words.Contains("indexed");
        var rest = words.Where(w => w != "indexed" && w != "memory" && w != "calldata").ToArray();
        return rest.Length switch
        {
            1 => new AbiParameter("", AbiType.Parse(rest[0]), indexed),
            2 => new AbiParameter(rest[1], AbiType.Parse(rest[0]), indexed),
            _ => throw new FormatException($"Malformed ABI parameter '{text}'."),
        };
    }
}
