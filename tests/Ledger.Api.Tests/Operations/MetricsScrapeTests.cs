using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Api.Tests.Hosting;

namespace Ledger.Api.Tests.Operations;

/// <summary>
/// /metrics scraped from the real service (a child process with its embedded anvil) after records were submitted and
/// anchored: every operations metric the deployment guide names is there, with values that fit what happened.
/// </summary>
public sealed class MetricsScrapeTests
{
    private const int Records = 6;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task AScrapeAfterSubmittingAndAnchoringShowsEveryOperationsMetricWithSensibleValues()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ledger-metrics-").FullName;
        try
        {
            await using var service = await ServiceProcess.StartAsync(dataDirectory, StartTimeout,
                "--Anchoring:BatchInterval", "00:00:00.300", "--Anchoring:PollInterval", "00:00:00.100");
            using var client = new HttpClient { BaseAddress = service.BaseAddress };
            client.DefaultRequestHeaders.Add("X-Api-Key", service.BannerValue(Roles.Inspector));
            var hashes = new List<string>();
            for (var i = 0; i < Records; i++)
            {
                var response = await client.PostAsJsonAsync("/api/v1/records", Samples.Inspection($"L-metrics-{i}"));
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                hashes.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("recordHash").GetString()!);
            }
            foreach (var hash in hashes)
            {
                await WaitUntilConfirmedAsync(client, hash);
            }

            var scrape = await client.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
            Assert.StartsWith("text/plain", scrape.Content.Headers.ContentType!.MediaType);
            var text = await scrape.Content.ReadAsStringAsync();
            var metrics = new PrometheusText(text);

            // Ingest: rate (a counter by domain), latency, the queue.
            Assert.True(metrics["ledger_records_accepted_total{domain=\"food-safety\"}"] >= Records);
            Assert.True(metrics["ledger_ingest_latency_seconds_count"] >= Records);
            Assert.InRange(metrics["ledger_ingest_latency_seconds_sum"], 1e-6, 60 * metrics["ledger_ingest_latency_seconds_count"]);
            Assert.True(metrics["ledger_commit_group_records_count"] >= 1);
            Assert.Equal(0, metrics["ledger_records_failed_total"]);
            Assert.Equal(0, metrics["ledger_write_queue_depth"]);
            // Backlog: everything submitted is anchored; the service's own records may still wait a moment.
            Assert.InRange(metrics["ledger_backlog_records"], 0, 10);
            Assert.InRange(metrics["ledger_backlog_oldest_pending_age_seconds"], 0, 600);
            Assert.InRange(metrics["ledger_open_batches"], 0, 2);
            // Anchoring: batch sizes, latency, gas and fees of real receipts.
            Assert.True(metrics["ledger_batch_size_records_count"] >= 1);
            Assert.True(metrics["ledger_batch_size_records_sum"] >= Records);
            var confirmedBatches = metrics["ledger_anchor_latency_seconds_count"];
            Assert.True(confirmedBatches >= 1);
            Assert.InRange(metrics["ledger_anchor_latency_seconds_sum"], 0, 120 * confirmedBatches);
            Assert.True(metrics["ledger_anchor_gas_used_total"] >= 21_000 * confirmedBatches, "An anchor transaction costs more than a transfer.");
            Assert.True(metrics["ledger_anchor_fees_wei_total"] > metrics["ledger_anchor_gas_used_total"], "Gas is paid at more than 1 wei.");
            Assert.True(metrics["ledger_anchor_account_balance_wei"] > 0, "anvil's dev accounts start with 10,000 ether.");
            // The chain: head, lag, reachability, errors by kind (none), the lease.
            Assert.True(metrics["ledger_chain_head_block"] >= 2, "The contract's deployment and an anchor are at least two blocks.");
            Assert.InRange(metrics["ledger_chain_head_lag_seconds"], 0, 600);
            Assert.Equal(1, metrics["ledger_chain_up"]);
            Assert.Equal(0, metrics["ledger_chain_rpc_errors_total{kind=\"unreachable\"}"]);
            Assert.Equal(0, metrics["ledger_anchoring_failures_total"]);
            Assert.Equal(1, metrics["ledger_anchoring_leader"]);
            Assert.Single(metrics.Series, s => s.Key.StartsWith("ledger_anchoring_lease_holder{", StringComparison.Ordinal) && s.Value == 1);

            // No label carries a record, a case or a person: only domains, error kinds and the lease holder's name.
            Assert.All(metrics.LabelValues, v => Assert.DoesNotContain("0x", v, StringComparison.Ordinal));
            Assert.All(hashes, h => Assert.DoesNotContain(h, text, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("L-metrics-", text, StringComparison.Ordinal);
            await service.TerminateAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static async Task WaitUntilConfirmedAsync(HttpClient client, string hash)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while ((await client.GetFromJsonAsync<JsonElement>($"/api/v1/proofs/{hash}")).GetProperty("status").GetString() != "confirmed")
        {
            Assert.True(DateTime.UtcNow < deadline, $"{hash} was not confirmed in time.");
            await Task.Delay(100);
        }
    }
}
