using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Core.Records.Types.CommunityCorrection;

namespace Ledger.Cli.Commands.Demo;

/// <summary>What playing the scenario produced: the case, every answer, and the alerts the service computed.</summary>
/// <param name="CaseRef">The case reference.</param>
/// <param name="Start">The case's first day.</param>
/// <param name="Failures">Steps that did not get their expected status, one line each.</param>
/// <param name="Alerts">The alerts as of day 60, each as (kind, day offset).</param>
/// <param name="RecordHashes">The hashes of the records accepted, in order.</param>
public sealed record ScenarioOutcome(string CaseRef, DateOnly Start, IReadOnlyList<string> Failures, IReadOnlyList<ExpectedAlert> Alerts, IReadOnlyList<string> RecordHashes)
{
    /// <summary>True when every step got its status and the alerts are exactly the expected ones.</summary>
    public bool AsExpected => Failures.Count == 0 && Alerts.SequenceEqual(CorrectionScenario.Alerts);
}

/// <summary>Plays <see cref="CorrectionScenario"/> against a service, one request after another, and reads the alerts back.</summary>
public static class ScenarioRunner
{
    /// <summary>The purpose the demo states when it reads the case.</summary>
    public const string Purpose = "demo: compliance review of the scenario";

    /// <param name="clientFor">A client sending the embedded key of the given name.</param>
    /// <param name="caseRef">The case reference to use: one the jurisdiction does not have yet.</param>
    /// <param name="start">The case's first day.</param>
    /// <param name="progress">Where to write a line per step; null for none.</param>
    /// <param name="ct">Cancels the run.</param>
    public static async Task<ScenarioOutcome> PlayAsync(Func<string, HttpClient> clientFor, string caseRef, DateOnly start, TextWriter? progress, CancellationToken ct)
    {
        var failures = new List<string>();
        var hashes = new List<string>();
        foreach (var step in CorrectionScenario.Steps(caseRef, start))
        {
            using var response = await clientFor(step.Key).PostAsJsonAsync(step.Path, step.Body, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            if (status != step.Expected)
            {
                failures.Add($"{step.What}: expected {step.Expected}, got {status}: {body}");
            }
            else if (status is 201 or 202)
            {
                var answer = JsonDocument.Parse(body).RootElement;
                hashes.Add((status == 201 ? answer.GetProperty("record") : answer).GetProperty("recordHash").GetString()!);
            }
            progress?.WriteLine($"  {step.What} → {status}{(status == step.Expected ? "" : $" (expected {step.Expected})")}");
        }
        var alerts = await AlertsAsync(clientFor(CorrectionScenario.OfficeKey), caseRef, start, ct);
        return new ScenarioOutcome(caseRef, start, failures, alerts, hashes);
    }

    /// <summary>The case's alerts as of day 60, as (kind, day offset).</summary>
    public static async Task<IReadOnlyList<ExpectedAlert>> AlertsAsync(HttpClient client, string caseRef, DateOnly start, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get,
            $"/api/v1/correction/cases/{Uri.EscapeDataString(caseRef)}/alerts?asOf={CorrectionCalendar.Format(CorrectionScenario.AsOf(start))}");
        request.Headers.Add("X-Access-Purpose", Purpose);
        using var response = await client.SendAsync(request, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"reading the alerts: {(int)response.StatusCode} {body}");
        }
        return [.. JsonDocument.Parse(body).RootElement.GetProperty("alerts").EnumerateArray().Select(a => new ExpectedAlert(
            a.GetProperty("kind").GetString()!,
            CorrectionCalendar.Parse(a.GetProperty("date").GetString()!).DayNumber - start.DayNumber))];
    }
}
