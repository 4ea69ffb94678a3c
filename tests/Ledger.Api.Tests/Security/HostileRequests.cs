using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Ledger.Api.Access;

namespace Ledger.Api.Tests.Security;

/// <summary>One hostile request, described for the failure message (never with its body).</summary>
internal sealed record HostileRequest(string Description, HttpRequestMessage Message);

/// <summary>
/// Generates hostile requests across every endpoint from a seeded RNG: broken bodies for submissions, forged or
/// oversized credentials and headers, malformed ids and hashes, wrong methods. None of them may succeed.
/// </summary>
internal sealed class HostileRequests(Random rng, IReadOnlyDictionary<string, string> keys)
{
    private static readonly Func<JsonObject>[] Samples_ = [() => Samples.Inspection(), Samples.VolunteerService, Samples.CheckIn];

    private static readonly Dictionary<string, string> SubmitterOf = new()
    {
        ["food-safety"] = Roles.Inspector,
        ["shared-community"] = Roles.CommunityWorker,
        ["community-correction"] = Roles.CorrectionOfficer,
    };

    public HostileRequest Next() => rng.Next(10) switch
    {
        < 5 => BrokenSubmission(),
        5 => ForgedCredential(),
        6 => UnknownRecord(),
        7 => MalformedHash(),
        8 => StatusWithBadPurpose(),
        _ => WrongMethodOrPath(),
    };

    private HostileRequest BrokenSubmission()
    {
        var sample = Samples_[rng.Next(Samples_.Length)]();
        // Mostly the right submitter, so the body reaches validation; sometimes another role, which must be a 403.
        var role = rng.Next(5) == 0 ? Roles.All[rng.Next(Roles.All.Count)] : SubmitterOf[sample["domain"]!.GetValue<string>()];
        var body = HostileBodies.Next(rng, sample);
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/records") { Content = new ByteArrayContent(body.Bytes) };
        message.Content.Headers.TryAddWithoutValidation("Content-Type", body.ContentType);
        message.Headers.Add("X-Api-Key", keys[role]);
        if (rng.Next(3) == 0)
        {
            message.Headers.TryAddWithoutValidation("Idempotency-Key", rng.Next(2) == 0 ? HostileStrings.PickForHeader(rng) : new string('k', 129 + rng.Next(5000)));
        }
        return new($"POST /records as {role}: {body.Flaw}", message);
    }

    // A valid submission with a credential that is not one: nothing past authentication may run.
    private HostileRequest ForgedCredential()
    {
        var real = keys[Roles.Inspector];
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/records") { Content = JsonContent(Samples.Inspection()) };
        var (flaw, apply) = rng.Next(8) switch
        {
            0 => ("one character of a real key changed", (Action)(() => message.Headers.Add("X-Api-Key", real[..^1] + (real[^1] == 'A' ? 'B' : 'A')))),
            1 => ("a real key id with another secret", () => message.Headers.Add("X-Api-Key", real[..13] + "_" + new string('x', 43))),
            2 => ("a hostile key", () => message.Headers.TryAddWithoutValidation("X-Api-Key", HostileStrings.PickForHeader(rng))),
            3 => ("a 10 kB key", () => message.Headers.TryAddWithoutValidation("X-Api-Key", "ldg_" + new string('a', 10_000))),
            4 => ("an empty key", () => message.Headers.TryAddWithoutValidation("X-Api-Key", "")),
            5 => ("a garbage bearer token", () => message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "eyJ" + HostileStrings.PickForHeader(rng).Replace(" ", "", StringComparison.Ordinal))),
            6 => ("basic credentials", () => message.Headers.Authorization = new AuthenticationHeaderValue("Basic", "YWRtaW46YWRtaW4=")),
            _ => ("no credential", () => { }),
        };
        apply();
        return new($"POST /records with {flaw}", message);
    }

    private HostileRequest UnknownRecord()
    {
        var id = rng.Next(4) switch
        {
            0 => Uri.EscapeDataString(HostileStrings.PickForPath(rng)),
            1 => Guid.NewGuid().ToString(),
            2 => new string('9', 1 + rng.Next(20_000)),
            _ => "%C3%28" + Uri.EscapeDataString(HostileStrings.PickForHeader(rng)),
        };
        var message = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/records/{id}");
        var role = Roles.All[rng.Next(Roles.All.Count)];
        if (rng.Next(4) != 0)
        {
            message.Headers.Add("X-Api-Key", keys[role]);
        }
        if (rng.Next(3) == 0)
        {
            message.Headers.TryAddWithoutValidation("X-Access-Purpose", rng.Next(2) == 0 ? HostileStrings.PickForHeader(rng) : new string('p', 201 + rng.Next(3000)));
        }
        return new($"GET /records/<hostile id> as {role}", message);
    }

    private HostileRequest MalformedHash()
    {
        var hex = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()) + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());
        var hash = rng.Next(8) switch
        {
            0 => "0x" + hex[..63],
            1 => "0x" + hex + "0",
            2 => hex,
            3 => "0x" + hex[..62] + "zz",
            4 => "0x" + string.Concat(hex.Take(64).Select(c => char.IsAsciiDigit(c) ? (char)(c - '0' + '٠') : c)),
            5 => Uri.EscapeDataString(HostileStrings.PickForPath(rng)),
            6 => "0x" + new string('f', 5000),
            _ => "0x" + hex + "?q=%ZZ&" + Uri.EscapeDataString(HostileStrings.PickForPath(rng)),
        };
        var path = rng.Next(2) == 0 ? "verify" : "proofs";
        return new($"GET /{path}/<malformed hash>", new HttpRequestMessage(HttpMethod.Get, $"/api/v1/{path}/{hash}"));
    }

    private HostileRequest StatusWithBadPurpose()
    {
        var message = new HttpRequestMessage(HttpMethod.Get, "/api/v1/status");
        message.Headers.Add("X-Api-Key", keys[rng.Next(2) == 0 ? Roles.Admin : Roles.Auditor]);
        var purpose = rng.Next(5) switch
        {
            0 => new string('p', 201 + rng.Next(5000)),
            1 => "%07" + HostileStrings.PickForHeader(rng),
            2 => "%C3%28 invalid UTF-8",
            3 => "%0d%0aSet-Cookie:%20x=1",
            _ => "%20%20%09",
        };
        message.Headers.TryAddWithoutValidation("X-Access-Purpose", purpose);
        return new($"GET /status with the malformed purpose '{purpose[..Math.Min(purpose.Length, 40)]}'", message);
    }

    private HostileRequest WrongMethodOrPath()
    {
        var (method, path) = rng.Next(6) switch
        {
            0 => (HttpMethod.Put, "/api/v1/records"),
            1 => (HttpMethod.Delete, $"/api/v1/records/{Guid.NewGuid()}"),
            2 => (HttpMethod.Patch, "/api/v1/status"),
            3 => (HttpMethod.Post, $"/api/v1/verify/0x{new string('a', 64)}"),
            4 => (HttpMethod.Get, "/api/v1/" + Uri.EscapeDataString(HostileStrings.PickForPath(rng))),
            _ => (HttpMethod.Get, "/api/v2/records"),
        };
        var message = new HttpRequestMessage(method, path) { Content = rng.Next(2) == 0 ? JsonContent(Samples.Inspection()) : null };
        message.Headers.Add("X-Api-Key", keys[Roles.All[rng.Next(Roles.All.Count)]]);
        return new($"{method} {path[..Math.Min(path.Length, 60)]}", message);
    }

    private static ByteArrayContent JsonContent(JsonObject body)
    {
        var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(body.ToJsonString()));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
