using System.Text;
using System.Text.Json.Nodes;
using Ledger.Chain;
using Ledger.Testing;

namespace Ledger.Verification.Tests;

/// <summary>
/// The catalogue of mutations of genuine bundles: every member replaced by values of every JSON type, lengths,
/// cases, encodings and sizes; members removed, duplicated and added; whole-file damage; and near misses that only
/// the chain can refute. Each comes with the verdict the verifier must give it.
/// </summary>
internal static class BundleMutations
{
    private static readonly string[] Leaves =
    [
        "format", "recordHash", "status", "merkle.root", "merkle.proof[0]", "merkle.proof[1]",
        "anchor.chainId", "anchor.contract", "anchor.txHash", "anchor.blockNumber", "anchor.blockHash", "anchor.batchId", "anchor.timestamp",
        "issuer.organisation", "issuer.address", "issuer.signature",
    ];

    // JSON writers refuse to write a lone surrogate or invalid UTF-8, so private-use stand-ins are written and then
    // swapped for "\ud800" and for the byte 0xC0 (which never starts valid UTF-8).
    private const string LoneSurrogate = "\uE000";
    private const string InvalidUtf8 = "\uE001";

    private static readonly string[] Sections = ["merkle", "merkle.proof", "anchor", "issuer"];

    /// <summary>Every mutation of <paramref name="bundles"/>' genuine bundles.</summary>
    public static IEnumerable<BundleMutation> All(AnchoredBundles bundles)
    {
        var signed = bundles.Signed;
        return [.. OfEveryMember(signed), .. Respellings(signed, bundles), .. NearMisses(signed, bundles), .. OfTheWholeFile(signed),
            .. Lifecycle(bundles)];
    }

    // Every member and section replaced by each kind of wrong value, removed, and nulled.
    private static IEnumerable<BundleMutation> OfEveryMember(string signed)
    {
        foreach (var path in Leaves.Concat(Sections).Append("$"))
        {
            foreach (var (label, value) in WrongValues())
            {
                yield return Replace(signed, path, label, value, ExpectedFor(path, value));
            }
            if (path != "$")
            {
                yield return Mutate(signed, $"{path}: removed", b => Remove(b, path), ExpectedWithout(path));
            }
        }
    }

    private static IEnumerable<(string Label, JsonNode? Value)> WrongValues()
    {
        yield return ("null", null);
        yield return ("true", JsonValue.Create(true));
        yield return ("0", JsonValue.Create(0));
        yield return ("-1", JsonValue.Create(-1));
        yield return ("1.5", JsonValue.Create(1.5));
        yield return ("1e400", JsonNode.Parse("1e400"));
        yield return ("2^64", JsonNode.Parse("18446744073709551616"));
        yield return ("2^256 digits", JsonNode.Parse(new string('9', 80)));
        yield return ("empty string", "");
        yield return ("a space", " ");
        yield return ("x", "x");
        yield return ("0x", "0x");
        yield return ("a number in a string", "31337");
        yield return ("100k characters", new string('a', 100_000));
        yield return ("0x and 100k hex digits", "0x" + new string('a', 100_000));
        yield return ("non-hex", "0x" + new string('g', 64));
        yield return ("odd-length hex", "0x" + new string('a', 63));
        yield return ("one hex digit too many", "0x" + new string('a', 65));
        yield return ("64 hex digits without 0x", new string('a', 64));
        yield return ("40 hex digits without 0x", new string('a', 40));
        yield return ("130 hex digits of zero", "0x" + new string('0', 130));
        yield return ("padded with spaces", " 0x" + new string('a', 64) + " ");
        yield return ("a NUL", "\u0000");
        yield return ("a bidi override", "\u202Egnp.exe");
        yield return ("a lone surrogate", LoneSurrogate);
        yield return ("invalid UTF-8", "0x" + InvalidUtf8 + new string('a', 63));
        yield return ("an empty array", new JsonArray());
        yield return ("an array of null", new JsonArray((JsonNode?)null));
        yield return ("an empty object", new JsonObject());
        yield return ("nested garbage", JsonNode.Parse("""{"a":[{"b":[1,{"c":null,"d":"\u0007"}]}],"e":{"f":{"g":[[]]}}}"""));
    }

    private static VerificationKind ExpectedFor(string path, JsonNode? value)
    {
        var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        return path switch
        {
            // Removing the signature is a lesser thing than spoiling it: the record is then merely unproven.
            "issuer" when value is null => VerificationKind.IssuerNotProven,
            // A well-formed organisation other than the one the key is registered for on chain: signed by an unregistered key.
            "issuer.organisation" when text is { Length: > 0 and <= 128 } && text.Trim() == text && !text.Any(char.IsControl)
                && !text.Contains(LoneSurrogate, StringComparison.Ordinal) && !text.Contains(InvalidUtf8, StringComparison.Ordinal) => VerificationKind.IssuerNotProven,
            _ => VerificationKind.Invalid,
        };
    }

    private static VerificationKind ExpectedWithout(string path) => path switch
    {
        "issuer" => VerificationKind.IssuerNotProven,
        _ => VerificationKind.Invalid,
    };

    // Spellings of the same values: case is not identity for hex, but a mixed-case address must carry its checksum.
    private static IEnumerable<BundleMutation> Respellings(string signed, AnchoredBundles bundles)
    {
        foreach (var path in new[] { "recordHash", "merkle.root", "merkle.proof[0]", "anchor.txHash", "anchor.blockHash", "issuer.signature" })
        {
            yield return Mutate(signed, $"{path}: upper-case hex digits", b => Set(b, path, "0x" + Text(b, path)[2..].ToUpperInvariant()), VerificationKind.Valid);
            yield return Mutate(signed, $"{path}: upper-case 0X prefix", b => Set(b, path, "0X" + Text(b, path)[2..]), VerificationKind.Invalid);
        }
        foreach (var path in new[] { "anchor.contract", "issuer.address" })
        {
            yield return Mutate(signed, $"{path}: all lower-case", b => Set(b, path, Text(b, path).ToLowerInvariant()), VerificationKind.Valid);
            yield return Mutate(signed, $"{path}: all upper-case digits", b => Set(b, path, "0x" + Text(b, path)[2..].ToUpperInvariant()), VerificationKind.Valid);
            yield return Mutate(signed, $"{path}: one letter's case flipped (wrong EIP-55 checksum)", b => Set(b, path, FlipOneCase(Text(b, path))), VerificationKind.Invalid);
            yield return Mutate(signed, $"{path}: another address in EIP-55", b => Set(b, path, AnvilNodeAddress(3)), VerificationKind.Invalid);
        }
        foreach (var status in new[] { "anchored", "confirmed", "erased", "revoked", "superseded" })
        {
            yield return Mutate(signed, $"status: {status} (a claim)", b => b["status"] = status, VerificationKind.Valid);
        }
        foreach (var status in new[] { "pending", "corrected", "Superseded", "Confirmed", "CONFIRMED", "confirmed " })
        {
            yield return Mutate(signed, $"status: {status}", b => b["status"] = status, VerificationKind.Invalid);
        }
        yield return Mutate(signed, "issuer.organisation: another organisation (not the key's on chain)",
            b => b["issuer"]!["organisation"] = "someone-else", VerificationKind.IssuerNotProven);
        yield return Mutate(signed, "issuer.organisation: the same name in another case",
            b => b["issuer"]!["organisation"] = AnchoredBundles.Organisation.ToUpperInvariant(), VerificationKind.IssuerNotProven);
        yield return Mutate(signed, "issuer: re-signed by an unregistered key that names itself",
            b => ResignWith(b, EthereumKey.Generate()), VerificationKind.IssuerNotProven);
        yield return Mutate(signed, "issuer: re-signed by the impostor's key, registered only on the impostor contract",
            b => ResignWith(b, bundles.ImpostorIssuerKey), VerificationKind.IssuerNotProven);
        yield return Mutate(signed, "issuer: null, with --allow-unsigned", b => b["issuer"] = null, VerificationKind.Valid, new VerifyOptions { AllowUnsigned = true });
    }

    // Values that are well formed but wrong: only the Merkle fold or the chain can refute them.
    private static IEnumerable<BundleMutation> NearMisses(string signed, AnchoredBundles bundles)
    {
        foreach (var path in new[] { "recordHash", "merkle.root", "merkle.proof[0]", "merkle.proof[1]", "anchor.txHash", "anchor.blockHash", "issuer.signature" })
        {
            yield return Mutate(signed, $"{path}: last byte flipped", b => Set(b, path, Flip(Text(b, path))), VerificationKind.Invalid);
        }
        yield return Mutate(signed, "recordHash: a sibling's, same proof", b => b["recordHash"] = bundles.Siblings[0], VerificationKind.Invalid);
        yield return Mutate(signed, "merkle.proof: reversed", b => Reverse(b), VerificationKind.Invalid);
        yield return Mutate(signed, "merkle.proof: one hash more", b => b["merkle"]!["proof"]!.AsArray().Add(bundles.Siblings[0]), VerificationKind.Invalid);
        yield return Mutate(signed, "merkle.proof: last hash dropped", b => b["merkle"]!["proof"]!.AsArray().RemoveAt(1), VerificationKind.Invalid);
        yield return Mutate(signed, "merkle.proof: 65 hashes", b => Repeat(b, 65), VerificationKind.Invalid);
        foreach (var (member, delta) in new[] { ("chainId", 1L), ("blockNumber", 1L), ("blockNumber", -1L), ("timestamp", 1L), ("timestamp", -1L) })
        {
            yield return Mutate(signed, $"anchor.{member}: {delta:+0;-0}", b => b["anchor"]![member] = b["anchor"]![member]!.GetValue<long>() + delta, VerificationKind.Invalid);
        }
        yield return Mutate(signed, "anchor.timestamp: beyond year 9999", b => b["anchor"]!["timestamp"] = long.MaxValue, VerificationKind.Invalid);
        yield return Mutate(signed, "anchor.chainId: as a string", b => b["anchor"]!["chainId"] = "31337", VerificationKind.Invalid);
        yield return Mutate(signed, "anchor.chainId: 31337.0", b => b["anchor"]!["chainId"] = JsonNode.Parse("31337.0"), VerificationKind.Invalid);
        yield return Mutate(signed, "anchor.chainId: 3.1337e4", b => b["anchor"]!["chainId"] = JsonNode.Parse("3.1337e4"), VerificationKind.Invalid);
        yield return Mutate(signed, "anchor.blockNumber: as a string", b => b["anchor"]!["blockNumber"] = b["anchor"]!["blockNumber"]!.ToJsonString(), VerificationKind.Invalid);
        foreach (var batch in new[] { "0", "2", "01", "+1", "1.0", "0x1", " 1" })
        {
            yield return Mutate(signed, $"anchor.batchId: \"{batch}\"", b => b["anchor"]!["batchId"] = batch, VerificationKind.Invalid);
        }
        yield return Mutate(signed, "anchor.batchId: as a number", b => b["anchor"]!["batchId"] = 1, VerificationKind.Invalid);
        yield return Mutate(signed, "anchor.txHash: a real transaction that anchored nothing", b => b["anchor"]!["txHash"] = bundles.TransferTx, VerificationKind.Invalid);
        yield return Mutate(signed, "anchor.contract: an account without code", b => b["anchor"]!["contract"] = AnvilNodeAddress(4), VerificationKind.Invalid);
        yield return Mutate(signed, "anchor.contract: an impostor LedgerAnchor", b => b["anchor"]!["contract"] = bundles.ImpostorContract, VerificationKind.Invalid);
        yield return Mutate(signed, "anchor.contract: code that answers 2^64-1", b => b["anchor"]!["contract"] = bundles.JunkContract, VerificationKind.Invalid);
        yield return Mutate(signed, "anchor.contract: code that answers nothing", b => b["anchor"]!["contract"] = bundles.SilentContract, VerificationKind.Invalid);
        yield return Mutate(signed, "anchor.contract: code that reverts", b => b["anchor"]!["contract"] = bundles.RevertingContract, VerificationKind.Invalid);
        yield return Mutate(signed, "anchor: the single-record batch's", b => b["anchor"] = AnchoredBundles.Parse(bundles.SingleRecordBatch)["anchor"]!.DeepClone(), VerificationKind.Invalid);
        yield return Mutate(signed, "issuer.signature: high-s twin", b => b["issuer"]!["signature"] = HighSTwin(Text(b, "issuer.signature")), VerificationKind.Invalid);
        foreach (var v in new byte[] { 0, 1, 29, 0xff })
        {
            yield return Mutate(signed, $"issuer.signature: v = {v}", b => b["issuer"]!["signature"] = Text(b, "issuer.signature")[..^2] + v.ToString("x2"), VerificationKind.Invalid);
        }
        yield return Mutate(signed, "issuer.signature: the other record's", b => b["issuer"]!["signature"] = Text(AnchoredBundles.Parse(bundles.SingleRecordBatch), "issuer.signature"), VerificationKind.Invalid);
        yield return Mutate(signed, "merkle.root + proof: the single-record batch's", b => b["merkle"] = AnchoredBundles.Parse(bundles.SingleRecordBatch)["merkle"]!.DeepClone(), VerificationKind.Invalid);
        yield return Mutate(signed, "the expected contract (--contract) is the impostor", _ => { }, VerificationKind.Invalid, new VerifyOptions { ExpectedContract = bundles.ImpostorContract });
    }

    // Members added, duplicated, renamed; and damage to the file as a whole.
    private static IEnumerable<BundleMutation> OfTheWholeFile(string signed)
    {
        foreach (var section in new[] { "$", "merkle", "anchor", "issuer" })
        {
            yield return Mutate(signed, $"{section}: an extra member", b => Object(b, section)["extra"] = "x", VerificationKind.Invalid);
            yield return Mutate(signed, $"{section}: an extra member holding nested garbage", b => Object(b, section)["valid"] = JsonNode.Parse("[[[{\"a\":[true]}]]]"), VerificationKind.Invalid);
        }
        yield return Mutate(signed, "recordHash renamed RecordHash", b => Rename(b, "recordHash", "RecordHash"), VerificationKind.Invalid);
        yield return Mutate(signed, "anchor.txHash renamed tx_hash", b => Rename(b["anchor"]!.AsObject(), "txHash", "tx_hash"), VerificationKind.Invalid);
        var text = signed;
        var recordHash = AnchoredBundles.Parse(signed)["recordHash"]!.GetValue<string>();
        yield return Raw("recordHash given twice (second one flipped)",
            text.Replace($"\"recordHash\":\"{recordHash}\"", $"\"recordHash\":\"{recordHash}\",\"recordHash\":\"{Flip(recordHash)}\"", StringComparison.Ordinal), VerificationKind.Invalid);
        yield return Raw("recordHash given twice (same value)",
            text.Replace($"\"recordHash\":\"{recordHash}\"", $"\"recordHash\":\"{recordHash}\",\"recordHash\":\"{recordHash}\"", StringComparison.Ordinal), VerificationKind.Invalid);
        yield return Raw("recordHash's name written with an escape", text.Replace("\"recordHash\"", "\"record\\u0048ash\"", StringComparison.Ordinal), VerificationKind.Valid);
        yield return Raw("an empty file", "", VerificationKind.Invalid);
        yield return Raw("only whitespace", " \n\t ", VerificationKind.Invalid);
        foreach (var json in new[] { "null", "[]", "1", "\"ledger-proof/v1\"", "{}", "[" + text + "]" })
        {
            yield return Raw($"the file holds {(json.Length > 20 ? "the bundle in an array" : json)}", json, VerificationKind.Invalid);
        }
        yield return Raw("cut in half", text[..(text.Length / 2)], VerificationKind.Invalid);
        yield return Raw("a trailing comma", text[..^1] + ",}", VerificationKind.Invalid);
        yield return Raw("a comment", "/* proof */" + text, VerificationKind.Invalid);
        yield return Raw("garbage after the object", text + "x", VerificationKind.Invalid);
        yield return Raw("two bundles in a row", text + text, VerificationKind.Invalid);
        yield return Raw("single quotes", text.Replace('"', '\''), VerificationKind.Invalid);
        yield return Raw("NaN as the chain id", text.Replace("\"chainId\":31337", "\"chainId\":NaN", StringComparison.Ordinal), VerificationKind.Invalid);
        yield return Raw("nested 10,000 deep", new string('[', 10_000) + new string(']', 10_000), VerificationKind.Invalid);
        yield return Raw("indented with CRLF", AnchoredBundles.Parse(text).ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }).Replace("\n", "\r\n", StringComparison.Ordinal), VerificationKind.Valid);
        yield return new BundleMutation("a UTF-8 byte order mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)], VerificationKind.Valid, new VerifyOptions());
        yield return new BundleMutation("UTF-16", Encoding.Unicode.GetBytes(text), VerificationKind.Invalid, new VerifyOptions());
        yield return Mutate(signed, "invalid UTF-8 in the status", b => b["status"] = "confirmed" + InvalidUtf8, VerificationKind.Invalid);
        yield return Mutate(signed, "invalid UTF-8 in a member name", b => b["x" + InvalidUtf8] = 1, VerificationKind.Invalid);
        yield return Mutate(signed, "invalid UTF-8 in nested garbage", b => b["merkle"]!["proof"] = new JsonObject { ["a"] = new JsonArray(InvalidUtf8) }, VerificationKind.Invalid);
        yield return Mutate(signed, "a lone surrogate in a member name", b => b["x" + LoneSurrogate] = 1, VerificationKind.Invalid);
        yield return new BundleMutation("2 MiB of spaces before the bundle", [.. Enumerable.Repeat((byte)' ', 2 << 20), .. Encoding.UTF8.GetBytes(text)], VerificationKind.Invalid, new VerifyOptions());
        yield return new BundleMutation("random bytes", [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7919 % 251))], VerificationKind.Invalid, new VerifyOptions());
    }

    // The lifecycle cases: a record not anchored yet, and bundles that contradict themselves about it.
    private static IEnumerable<BundleMutation> Lifecycle(AnchoredBundles bundles)
    {
        yield return Mutate(bundles.Pending, "pending: as served", _ => { }, VerificationKind.NotAnchoredYet);
        yield return Mutate(bundles.Pending, "pending: with explicit nulls", b => { b["merkle"] = null; b["anchor"] = null; }, VerificationKind.NotAnchoredYet);
        yield return Mutate(bundles.Pending, "pending: erased before anchoring", b => b["status"] = "erased", VerificationKind.NotAnchoredYet);
        yield return Mutate(bundles.Pending, "pending: says confirmed", b => b["status"] = "confirmed", VerificationKind.Invalid);
        yield return Mutate(bundles.Pending, "pending: with a malformed issuer", b => b["issuer"]!["address"] = "0x12", VerificationKind.Invalid);
        yield return Mutate(bundles.Signed, "signed: merkle and anchor removed, status pending", b => { b.Remove("merkle"); b.Remove("anchor"); b["status"] = "pending"; }, VerificationKind.NotAnchoredYet);
        yield return Mutate(bundles.Signed, "signed: status pending, anchor kept", b => b["status"] = "pending", VerificationKind.Invalid);
        yield return Mutate(bundles.Signed, "signed: anchor removed, merkle kept, status pending (a sealed batch)", b => { b.Remove("anchor"); b["status"] = "pending"; }, VerificationKind.NotAnchoredYet);
        yield return Mutate(bundles.SingleRecordBatch, "single-record batch: as made", _ => { }, VerificationKind.Valid);
        yield return Mutate(bundles.SingleRecordBatch, "single-record batch: a proof hash added", b => b["merkle"]!["proof"]!.AsArray().Add(bundles.Siblings[0]), VerificationKind.Invalid);
    }

    private static BundleMutation Replace(string bundle, string path, string label, JsonNode? value, VerificationKind expected) =>
        path == "$"
            ? Raw($"the whole bundle: {label}", value?.ToJsonString() ?? "null", VerificationKind.Invalid)
            : Mutate(bundle, $"{path}: {label}", b => Set(b, path, value?.DeepClone()), expected);

    private static BundleMutation Mutate(string bundle, string name, Action<JsonObject> change, VerificationKind expected, VerifyOptions? options = null)
    {
        var copy = AnchoredBundles.Parse(bundle);
        change(copy);
        return new BundleMutation(name, Bytes(copy.ToJsonString()), expected, options ?? new VerifyOptions());
    }

    private static BundleMutation Raw(string name, string text, VerificationKind expected) => new(name, Bytes(text), expected, new VerifyOptions());

    private static byte[] Bytes(string json)
    {
        var text = json.Replace("\\uE000", "\\ud800", StringComparison.OrdinalIgnoreCase).Replace("\\uE001", "\u0001", StringComparison.OrdinalIgnoreCase);
        return [.. Encoding.UTF8.GetBytes(text).Select(b => b == 1 ? (byte)0xC0 : b)];
    }

    private static JsonObject Object(JsonObject bundle, string section) => section == "$" ? bundle : bundle[section]!.AsObject();

    private static (JsonNode Owner, string? Member, int Index) Locate(JsonObject bundle, string path)
    {
        var dot = path.LastIndexOf('.');
        var owner = dot < 0 ? bundle : bundle[path[..dot]]!;
        var last = dot < 0 ? path : path[(dot + 1)..];
        var bracket = last.IndexOf('[', StringComparison.Ordinal);
        return bracket < 0
            ? (owner, last, -1)
            : (owner[last[..bracket]]!, null, int.Parse(last[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void Set(JsonObject bundle, string path, JsonNode? value)
    {
        var (owner, member, index) = Locate(bundle, path);
        if (member is null)
        {
            owner.AsArray()[index] = value;
        }
        else
        {
            owner.AsObject()[member] = value;
        }
    }

    private static void Remove(JsonObject bundle, string path)
    {
        var (owner, member, index) = Locate(bundle, path);
        if (member is null)
        {
            owner.AsArray().RemoveAt(index);
        }
        else
        {
            owner.AsObject().Remove(member);
        }
    }

    private static string Text(JsonObject bundle, string path)
    {
        var (owner, member, index) = Locate(bundle, path);
        return (member is null ? owner.AsArray()[index] : owner[member])!.GetValue<string>();
    }

    private static void Rename(JsonObject owner, string from, string to)
    {
        var value = owner[from]!.DeepClone();
        owner.Remove(from);
        owner[to] = value;
    }

    private static void Reverse(JsonObject bundle)
    {
        var proof = bundle["merkle"]!["proof"]!.AsArray();
        var items = proof.Select(p => p!.DeepClone()).Reverse().ToList();
        proof.Clear();
        items.ForEach(proof.Add);
    }

    private static void Repeat(JsonObject bundle, int count)
    {
        var proof = bundle["merkle"]!["proof"]!.AsArray();
        var first = proof[0]!.GetValue<string>();
        while (proof.Count < count)
        {
            proof.Add(first);
        }
    }

    private static void ResignWith(JsonObject bundle, EthereumKey key)
    {
        var recordHash = Core.Encoding.Hex.Decode(bundle["recordHash"]!.GetValue<string>());
        bundle["issuer"]!["address"] = key.Address;
        bundle["issuer"]!["signature"] = Chain.Attestation.IssuerSignature.Sign(key, recordHash);
    }

    private static string Flip(string hex)
    {
        var bytes = Core.Encoding.Hex.Decode(hex);
        bytes[^1] ^= 0x01;
        return Core.Encoding.Hex.Encode(bytes);
    }

    private static string FlipOneCase(string address)
    {
        var chars = address.ToCharArray();
        var i = Array.FindIndex(chars, 2, char.IsAsciiLetterUpper);
        chars[i] = char.ToLowerInvariant(chars[i]);
        return new string(chars);
    }

    private static string HighSTwin(string signature)
    {
        var bytes = Core.Encoding.Hex.Decode(signature);
        var s = new System.Numerics.BigInteger(bytes.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        var twin = Secp256k1N - s;
        var twinBytes = twin.ToByteArray(isUnsigned: true, isBigEndian: true);
        Array.Clear(bytes, 32, 32);
        twinBytes.CopyTo(bytes, 64 - twinBytes.Length);
        bytes[64] = (byte)(bytes[64] == 27 ? 28 : 27);
        return Core.Encoding.Hex.Encode(bytes);
    }

    private static readonly System.Numerics.BigInteger Secp256k1N = System.Numerics.BigInteger.Parse(
        "115792089237316195423570985008687907852837564279074904382605163141518161494337", System.Globalization.CultureInfo.InvariantCulture);

    private static string AnvilNodeAddress(int index) => AnvilNode.DevKeys[index].Address;
}
