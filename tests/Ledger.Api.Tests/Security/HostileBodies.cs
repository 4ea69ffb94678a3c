using System.Text;
using System.Text.Json.Nodes;

namespace Ledger.Api.Tests.Security;

/// <summary>A request body and what is wrong with it.</summary>
internal sealed record HostileBody(string Flaw, byte[] Bytes, string ContentType = "application/json");

/// <summary>
/// Record submissions that must be refused: each is built from a valid sample and broken in a way no record may have,
/// so the only right answers are 4xx and nothing stored.
/// </summary>
internal static class HostileBodies
{
    private static readonly string[] HugeNumbers =
        ["1e400", "-1e400", "123456789012345678901234567890", "9007199254740993", "1e-400", "0.1e99999", "-0.0000000000000000000000000001e-330"];

    private static readonly string[] StringFields = ["domain", "type", "occurredAt"];

    /// <summary>Fields no hostile string can pass: the record type, the time, and choices or dates in each payload.</summary>
    private static readonly Dictionary<string, string[]> Guards = new()
    {
        ["inspection"] = ["inspectionKind", "result"],
        ["volunteer-service"] = ["serviceDate"],
        ["check-in"] = ["method", "outcome"],
    };

    public static HostileBody Next(Random rng, JsonObject sample)
    {
        var payload = sample["payload"]!.AsObject();
        var type = sample["type"]!.GetValue<string>();
        switch (rng.Next(10))
        {
            case 0:
                var text = sample.ToJsonString();
                return Json("truncated", text[..rng.Next(1, text.Length - 1)]);
            case 1:
                return Json("trailing garbage", sample.ToJsonString() + Pick(rng, ["x", "}", ",", "{}", "\u0000", " // c"]));
            case 2:
                return Json("broken syntax", Pick(rng, [
                    sample.ToJsonString().Replace('"', '\''),
                    "{," + sample.ToJsonString()[1..],
                    "/* note */" + sample.ToJsonString(),
                    sample.ToJsonString().Replace("\"payload\":", "\"payload\":NaN,\"p\":"),
                    sample.ToJsonString().Replace("{\"domain\"", "{\"domain\":\"x\",\"domain\""),
                    "", "[]", "\"text\"", "42", "null", "{", "}",
                ]));
            case 3:
                var field = Pick(rng, [.. StringFields, .. payload.Select(p => "payload." + p.Key)]);
                Set(sample, field, "__NUMBER__");
                return Json($"huge number in {field}", sample.ToJsonString().Replace("\"__NUMBER__\"", Pick(rng, HugeNumbers)));
            case 4:
                var depth = rng.Next(20, 4000);
                var open = rng.Next(2) == 0 ? "{\"a\":" : "[";
                var close = open == "[" ? "]" : "}";
                var nested = string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth));
                var target = Pick(rng, [.. payload.Select(p => p.Key)]);
                payload[target] = "__NESTED__";
                return Json($"nesting {depth} deep in {target}", sample.ToJsonString().Replace("\"__NESTED__\"", nested));
            case 5:
                return InvalidUtf8(rng, sample.ToJsonString());
            case 6:
                var wrong = Pick(rng, [.. StringFields, "payload", .. payload.Select(p => "payload." + p.Key)]);
                Set(sample, wrong, "__WRONG__");
                var value = wrong == "payload" ? Pick(rng, ["[]", "\"x\"", "1", "null", "true"])
                    : wrong == "payload.hours" ? Pick(rng, ["\"2.5\"", "[2.5]", "{}", "null", "true"])
                    : Pick(rng, ["1", "true", "null", "[]", "{}", "[\"x\"]", "{\"$ne\":null}"]);
                return Json($"wrong type in {wrong}", sample.ToJsonString().Replace("\"__WRONG__\"", value));
            case 7:
                return Injected(rng, sample, payload, type);
            case 8:
                payload[Pick(rng, [.. payload.Select(p => p.Key)])] = new string('A', 70_000 + rng.Next(100_000));
                return Json("oversized", sample.ToJsonString());
            default:
                return new HostileBody("wrong media type", Encoding.UTF8.GetBytes(sample.ToJsonString()),
                    Pick(rng, ["text/plain", "application/xml", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "application/jsonx"]));
        }
    }

    // Hostile strings in random fields (and field names); one guard field is always among them, so nothing passes.
    private static HostileBody Injected(Random rng, JsonObject sample, JsonObject payload, string type)
    {
        var guard = Pick(rng, [.. StringFields, .. Guards[type].Select(g => "payload." + g)]);
        var fields = new List<string> { guard };
        fields.AddRange(payload.Select(p => "payload." + p.Key).Where(_ => rng.Next(2) == 0));
        foreach (var field in fields)
        {
            Set(sample, field, HostileStrings.Pick(rng));
        }
        if (rng.Next(4) == 0)
        {
            payload[HostileStrings.Pick(rng)] = HostileStrings.Pick(rng);
        }
        return Json($"hostile strings in {string.Join(", ", fields)}", sample.ToJsonString());
    }

    private static HostileBody InvalidUtf8(Random rng, string json)
    {
        byte[][] bad = [[0xC3, 0x28], [0xFF], [0x80], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xE2, 0x82]];
        var bytes = Encoding.UTF8.GetBytes(json).ToList();
        // Inside a string value, so the JSON structure around it stays intact.
        var quote = bytes.LastIndexOf((byte)'"');
        var at = bytes.IndexOf((byte)'"', rng.Next(0, quote)) + 1;
        bytes.InsertRange(at, Pick(rng, bad));
        return new HostileBody("invalid UTF-8", [.. bytes]);
    }

    private static void Set(JsonObject sample, string path, JsonNode? value)
    {
        if (path.StartsWith("payload.", StringComparison.Ordinal))
        {
            sample["payload"]!.AsObject()[path["payload.".Length..]] = value;
        }
        else
        {
            sample[path] = value;
        }
    }

    private static HostileBody Json(string flaw, string text) => new(flaw, Encoding.UTF8.GetBytes(text));

    private static T Pick<T>(Random rng, T[] items) => items[rng.Next(items.Length)];
}
