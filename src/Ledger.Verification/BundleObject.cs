using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Ledger.Chain;
using Ledger.Core.Encoding;
using Ledger.Core.Proofs;

namespace Ledger.Verification;

/// <summary>
/// One JSON object of a proof bundle, read member by member: each accessor checks the member's JSON type, form and
/// range, and throws <see cref="MalformedBundleException"/> naming the member's path and its bad value.
/// </summary>
internal sealed class BundleObject
{
    private static readonly SearchValues<char> HexDigits = SearchValues.Create("0123456789abcdefABCDEF");

    private readonly Dictionary<string, JsonElement> _members;
    private readonly string _path;

    private BundleObject(Dictionary<string, JsonElement> members, string path)
    {
        _members = members;
        _path = path;
    }

    /// <summary>Reads <paramref name="element"/> as an object holding only <paramref name="known"/> members, each at most once.</summary>
    public static BundleObject From(JsonElement element, string path, params string[] known)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new MalformedBundleException($"{Describe(path)} must be a JSON object, not {Kind(element)}.");
        }
        var members = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var member in element.EnumerateObject())
        {
            var name = Unescaped(member, path);
            if (!known.Contains(name, StringComparer.Ordinal))
            {
                // Fail closed: an unknown member may be a claim this verifier cannot check, such as a newer rule.
                throw new MalformedBundleException(
                    $"{Describe(path)} has a member {ValueText.Quote(name)} that {ProofBundle.CurrentFormat} does not define (it defines {string.Join(", ", known)}; names are case-sensitive).");
            }
            if (!members.TryAdd(name, member.Value))
            {
                // JSON readers disagree on which duplicate wins, so a duplicate could show one value and check another.
                throw new MalformedBundleException($"{Describe(path)} has the member \"{name}\" twice.");
            }
        }
        return new BundleObject(members, path);
    }

    /// <summary>The member, or null when it is absent or JSON null.</summary>
    public JsonElement? Optional(string name) =>
        _members.TryGetValue(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    /// <summary>The member; absent or null is malformed.</summary>
    public JsonElement Required(string name)
    {
        if (!_members.TryGetValue(name, out var value))
        {
            throw new MalformedBundleException($"{Path(name)} is missing.");
        }
        return value.ValueKind != JsonValueKind.Null ? value : throw new MalformedBundleException($"{Path(name)} is null.");
    }

    /// <summary>A string member of 1 to <paramref name="maxLength"/> characters.</summary>
    public string String(string name, int maxLength)
    {
        var element = Required(name);
        var text = StringOf(element, Path(name));
        return text.Length > 0 && text.Length <= maxLength
            ? text
            : throw new MalformedBundleException($"{Path(name)} must be 1 to {maxLength} characters long, not {text.Length}: {ValueText.Show(element)}.");
    }

    /// <summary>A 32-byte hash: lower-case 0x and 64 hex digits of either case; returned lower-case.</summary>
    public string Hash(string name) => HashOf(Required(name), Path(name));

    /// <summary>An address: 0x and 40 hex digits, all one case or a correct EIP-55 mix; returned in EIP-55 form.</summary>
    public string Address(string name)
    {
        var path = Path(name);
        var element = Required(name);
        var text = StringOf(element, path);
        if (!IsHex(text, EthereumAddress.Size))
        {
            throw new MalformedBundleException($"{path} {ValueText.Show(element)} is not an address: 0x followed by 40 hex digits.");
        }
        var digits = text.AsSpan(2);
        var mixedCase = digits.ContainsAnyInRange('a', 'f') && digits.ContainsAnyInRange('A', 'F');
        var checksummed = EthereumAddress.ToChecksum(Hex.Decode(text));
        if (mixedCase && !string.Equals(checksummed, text, StringComparison.Ordinal))
        {
            throw new MalformedBundleException(
                $"{path} {ValueText.Show(element)} has a wrong EIP-55 checksum: mixed-case letters must spell the EIP-55 form, so this is likely a typo.");
        }
        return checksummed;
    }

    /// <summary>0x and exactly <paramref name="bytes"/> bytes of hex of either case; returned lower-case.</summary>
    public string HexBytes(string name, int bytes)
    {
        var element = Required(name);
        var text = StringOf(element, Path(name));
        return IsHex(text, bytes)
            ? text.ToLowerInvariant()
            : throw new MalformedBundleException($"{Path(name)} {ValueText.Show(element)} is not 0x followed by {2 * bytes} hex digits.");
    }

    /// <summary>A JSON integer from <paramref name="min"/> to <paramref name="max"/>, written without fraction or exponent.</summary>
    public ulong Integer(string name, ulong min, ulong max)
    {
        var element = Required(name);
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetUInt64(out var value) || value < min || value > max)
        {
            throw new MalformedBundleException($"{Path(name)} must be a whole JSON number from {min} to {max}, not {ValueText.Show(element)}.");
        }
        return value;
    }

    /// <summary>A uint256 in decimal text without leading zeros; returned as written.</summary>
    public string DecimalUInt256(string name)
    {
        var element = Required(name);
        var text = String(name, 78);
        var canonical = text.All(char.IsAsciiDigit) && (text.Length == 1 || text[0] != '0')
            && BigInteger.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture) < BigInteger.One << 256;
        return canonical
            ? text
            : throw new MalformedBundleException($"{Path(name)} must be a uint256 in decimal digits without leading zeros, not {ValueText.Show(element)}.");
    }

    /// <summary>The path of a member, e.g. <c>anchor.txHash</c>.</summary>
    public string Path(string name) => _path.Length == 0 ? name : $"{_path}.{name}";

    /// <summary>A 32-byte hash at <paramref name="path"/> (also used for array items such as <c>merkle.proof[2]</c>).</summary>
    public static string HashOf(JsonElement element, string path)
    {
        var text = StringOf(element, path);
        return IsHex(text, 32)
            ? text.ToLowerInvariant()
            : throw new MalformedBundleException($"{path} {ValueText.Show(element)} is not a hash: 0x followed by 64 hex digits.");
    }

    private static string StringOf(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.String)
        {
            throw new MalformedBundleException($"{path} must be a JSON string, not {Kind(element)}.");
        }
        try
        {
            return element.GetString()!;
        }
        catch (InvalidOperationException)
        {
            // The document parses without checking that strings are valid UTF-8 or UTF-16; reading them finds out.
            throw new MalformedBundleException($"{path} is not valid Unicode text (it holds invalid UTF-8 or a lone surrogate).");
        }
    }

    // Lower-case "0x" only: "0X" is not how Ethereum writes hex, and one spelling of the prefix is enough.
    private static bool IsHex(string text, int bytes) =>
        text.Length == 2 + 2 * bytes && text.StartsWith("0x", StringComparison.Ordinal) && !text.AsSpan(2).ContainsAnyExcept(HexDigits);

    private static string Unescaped(JsonProperty member, string path)
    {
        try
        {
            return member.Name;
        }
        catch (InvalidOperationException)
        {
            throw new MalformedBundleException($"{Describe(path)} has a member name that is not valid Unicode text.");
        }
    }

    private static string Describe(string path) => path.Length == 0 ? "the bundle" : path;

    // The JSON type and, but for null, the value itself (shortened).
    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object " + ValueText.Show(element),
        JsonValueKind.Array => "an array " + ValueText.Show(element),
        JsonValueKind.String => "a string " + ValueText.Show(element),
        JsonValueKind.Number => "a number " + ValueText.Show(element),
        JsonValueKind.True or JsonValueKind.False => "a boolean " + ValueText.Show(element),
        _ => "null",
    };
}
