using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Ledger.Cli.Commands.Demo;

/// <summary>The demo's steps against the API, each through the endpoints a committee would use.</summary>
internal sealed class CommunityDemoScript(Uri api, string community, string neighbour, IReadOnlyDictionary<string, string> keys, TextWriter output)
{
    private static readonly string[] Activities = ["Elderly meal delivery", "Stairwell cleaning", "Homework club", "Flood-season patrol"];
    private static readonly string[] Purposes = ["Stairwell lighting repair", "Elderly canteen groceries", "Children's summer class materials", "Garden tools"];

    public async Task RunAsync(CancellationToken ct)
    {
        using var recorder = Client("recorder");
        using var confirmer = Client("confirmer");
        using var approver = Client("approver");
        var year = DateTime.UtcNow.Year - 1;
        var run = Guid.NewGuid().ToString("N")[..6];

        await FundAsync(recorder, confirmer, approver, year, ct);
        await TimeBankAsync(recorder, confirmer, year, run, ct);
        await DecisionsAsync(recorder, confirmer, run, ct);
    }

    private async Task FundAsync(HttpClient recorder, HttpClient confirmer, HttpClient approver, int year, CancellationToken ct)
    {
        for (var month = 1; month <= 12; month++)
        {
            var day = new DateOnly(year, month, 5).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await SubmitAsync(recorder, "fund-income", new JsonObject
            {
                ["amount"] = "3000.00", ["source"] = "government-allocation", ["purpose"] = $"Community services allocation {year}-{month:00}",
                ["receiptHash"] = DocumentHash($"allocation-{year}-{month}"), ["receivedOn"] = day,
            }, ct);
            await ExpectAsync(recorder.PostAsJsonAsync("/api/v1/community/fund/expenses", new
            {
                amount = (180 + month * 35).ToString("0.00", CultureInfo.InvariantCulture), purpose = Purposes[month % Purposes.Length],
                payeeCategory = month % 2 == 0 ? "supplier" : "contractor", receiptHash = DocumentHash($"invoice-{year}-{month}"), paidOn = day,
            }, ct), "an expense");
        }
        foreach (var (amount, purpose) in new[] { ("4800.00", "Bicycle shelter at gate 2"), ("2600.00", "Playground resurfacing") })
        {
            var expense = await ExpectAsync(recorder.PostAsJsonAsync("/api/v1/community/fund/expenses", new
            {
                amount, purpose, payeeCategory = "contractor", receiptHash = DocumentHash(purpose), paidOn = $"{year}-11-20",
            }, ct), "a large expense");
            var hash = expense.GetProperty("recordHash").GetString();
            await ExpectAsync(confirmer.PostAsync($"/api/v1/community/fund/expenses/{hash}/approvals", null, ct), "the first approval");
            await ExpectAsync(approver.PostAsync($"/api/v1/community/fund/expenses/{hash}/approvals", null, ct), "the second approval");
        }
        await output.WriteLineAsync("Fund: 12 monthly allocations, 12 expenses and 2 large expenses with two approvals each.");
    }

    private async Task TimeBankAsync(HttpClient recorder, HttpClient confirmer, int year, string run, CancellationToken ct)
    {
        var volunteers = Enumerable.Range(1, 5).Select(i => $"TB-{run}-{(char)('a' + i)}").ToList();
        foreach (var (volunteer, v) in volunteers.Select((r, i) => (r, i)))
        {
            for (var month = 1; month <= 12; month += 2)
            {
                var service = await SubmitAsync(recorder, "volunteer-service", new JsonObject
                {
                    ["volunteerRef"] = volunteer, ["activity"] = Activities[(v + month) % Activities.Length],
                    ["hours"] = JsonNode.Parse(((v + month) % 3 + 1.5m).ToString(CultureInfo.InvariantCulture)),
                    ["serviceDate"] = new DateOnly(year, month, 12).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                }, ct);
                await ExpectAsync(confirmer.PostAsync($"/api/v1/community/service/{service.GetProperty("recordHash").GetString()}/confirmation", null, ct), "a confirmation");
            }
        }
        await SubmitAsync(recorder, "hours-redemption", new JsonObject
        {
            ["volunteerRef"] = volunteers[0], ["hours"] = "3.00", ["service"] = "Home repair", ["redeemedOn"] = $"{year}-12-01",
        }, ct);
        await ExpectAsync(recorder.PostAsJsonAsync($"/api/v1/community/{community}/timebank/{volunteers[1]}/transfers", new
        {
            hours = "4.50", toCommunity = neighbour, toVolunteerRef = $"TB-{run}-parent", transferredOn = $"{year}-12-10", note = "For a parent's home care",
        }, ct), "a transfer to another community");
        await ExpectAsync(recorder.PostAsJsonAsync($"/api/v1/community/{community}/timebank/{volunteers[2]}/transfers", new
        {
            hours = "2.00", toCommunity = community, toVolunteerRef = volunteers[3], transferredOn = $"{year}-12-11",
        }, ct), "a transfer");
        await output.WriteLineAsync($"Time bank: {volunteers.Count} volunteers with confirmed hours, a redemption and two transfers (one to {neighbour}).");
    }

    private async Task DecisionsAsync(HttpClient recorder, HttpClient worker, string run, CancellationToken ct)
    {
        var households = Enumerable.Range(0, 10).Select(i => $"HH-{run}-{(char)('a' + i)}").ToList();
        foreach (var household in households)
        {
            await SubmitAsync(recorder, "household", new JsonObject
            {
                ["householdRef"] = household, ["registeredOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            }, ct);
        }
        var now = DateTimeOffset.UtcNow;
        foreach (var (reference, title, ballot, voters) in new[] { ($"P-{run}-1", "Install a bicycle shelter at gate 2", "open", 8), ($"P-{run}-2", "Choose the colour of the new fence", "secret", 7) })
        {
            await SubmitAsync(recorder, "proposal", new JsonObject
            {
                ["proposalRef"] = reference, ["title"] = title, ["text"] = $"{title}, paid from the community fund.",
                ["options"] = new JsonArray("for", "against"), ["opensAt"] = Stamp(now.AddMinutes(-1)), ["closesAt"] = Stamp(now.AddDays(7)),
                ["ballot"] = ballot, ["quorum"] = 6,
            }, ct);
            for (var i = 0; i < voters; i++)
            {
                await ExpectAsync(worker.PostAsJsonAsync($"/api/v1/community/{community}/proposals/{reference}/votes",
                    new { householdRef = households[i], choice = i % 3 == 2 ? "against" : "for" }, ct), "a vote");
            }
        }
        await output.WriteLineAsync($"Decisions: {households.Count} households, two proposals (open and secret ballot) with 8 and 7 votes; " +
            "tally each with POST /api/v1/community/{id}/proposals/{ref}/decision once its week is over.");
    }

    private HttpClient Client(string name)
    {
        var client = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", keys[name]);
        return client;
    }

    private static Task<JsonElement> SubmitAsync(HttpClient client, string type, JsonObject payload, CancellationToken ct) =>
        ExpectAsync(client.PostAsJsonAsync("/api/v1/records", new JsonObject
        {
            ["domain"] = "shared-community", ["type"] = type, ["occurredAt"] = Stamp(DateTimeOffset.UtcNow), ["payload"] = payload,
        }, ct), $"a {type} record");

    private static async Task<JsonElement> ExpectAsync(Task<HttpResponseMessage> sending, string what)
    {
        using var response = await sending;
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            var problem = body.Length > 0 ? JsonDocument.Parse(body).RootElement : default;
            var detail = problem.ValueKind == JsonValueKind.Object && problem.TryGetProperty("detail", out var d) ? d.GetString() : body;
            throw new DemoRefusedException($"{what} was refused: {(int)response.StatusCode} {detail}");
        }
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string Stamp(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    // Stands in for the hash of a scanned receipt: a demo has no documents.
    private static string DocumentHash(string name) =>
        "0x" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"demo receipt: {name}")));
}
