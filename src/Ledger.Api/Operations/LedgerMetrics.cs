using Prometheus;

namespace Ledger.Api.Operations;

/// <summary>
/// The service's Prometheus instruments, served at <c>/metrics</c> (docs/deployment.md lists them and the alerts to
/// set). Static, so the hot paths count with one call and no injected dependency; the gauges that describe stored
/// state are filled from the database when scraped (<see cref="MetricsEndpoint"/>). Labels carry only bounded,
/// non-personal values: a domain name, a chain error kind, the anchoring lease holder's instance name.
/// </summary>
public static class LedgerMetrics
{
    /// <summary>The registry /metrics exports: only the instruments below, nothing collected by default.</summary>
    public static CollectorRegistry Registry { get; } = Metrics.NewCustomRegistry();

    private static readonly MetricFactory Factory = Metrics.WithCustomRegistry(Registry);

    /// <summary>Records committed to the store (each one answered 202, or written by the service itself).</summary>
    public static readonly Counter RecordsAccepted = Factory.CreateCounter(
        "ledger_records_accepted_total", "Records committed to the store, by domain.", "domain");

    /// <summary>Records that could not be stored (500, or 507 on a full disk).</summary>
    public static readonly Counter RecordsFailed = Factory.CreateCounter(
        "ledger_records_failed_total", "Records whose commit failed (answered 500, or 507 when the disk was full).");

    /// <summary>From a record joining the write queue to its commit being known: what a submitter waits for durability.</summary>
    public static readonly Histogram IngestLatency = Factory.CreateHistogram(
        "ledger_ingest_latency_seconds", "Time from a record joining the write queue to its transaction committing.",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 16) });

    /// <summary>Records per group-commit transaction.</summary>
    public static readonly Histogram CommitGroupSize = Factory.CreateHistogram(
        "ledger_commit_group_records", "Records written per group-commit transaction.",
        new HistogramConfiguration { Buckets = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] });

    /// <summary>Records per sealed batch (one Merkle root, one transaction).</summary>
    public static readonly Histogram BatchSize = Factory.CreateHistogram(
        "ledger_batch_size_records", "Records per sealed anchor batch.",
        new HistogramConfiguration { Buckets = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536] });

    /// <summary>From a batch being sealed to its confirmation on chain.</summary>
    public static readonly Histogram AnchorLatency = Factory.CreateHistogram(
        "ledger_anchor_latency_seconds", "Time from sealing a batch to its confirmation on chain.",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.25, 2, 14) });

    /// <summary>Gas used by this instance's mined anchor transactions.</summary>
    public static readonly Counter GasUsed = Factory.CreateCounter(
        "ledger_anchor_gas_used_total", "Gas used by mined anchor transactions.");

    /// <summary>What those transactions cost (gas used × effective gas price), in wei.</summary>
    public static readonly Counter FeesPaid = Factory.CreateCounter(
        "ledger_anchor_fees_wei_total", "Fees paid for mined anchor transactions, in wei (gas used times effective gas price).");

    /// <summary>Failed chain calls, by kind (Ledger.Chain's ChainErrorKind: unreachable, nonce too low, …).</summary>
    public static readonly Counter RpcErrors = Factory.CreateCounter(
        "ledger_chain_rpc_errors_total", "Chain JSON-RPC calls that failed, by error kind.", "kind");

    /// <summary>Anchoring cycles that failed and were retried after a back-off.</summary>
    public static readonly Counter AnchoringFailures = Factory.CreateCounter(
        "ledger_anchoring_failures_total", "Anchoring cycles that failed and will be retried after a back-off.");

    internal static readonly Gauge QueueDepth = Factory.CreateGauge(
        "ledger_write_queue_depth", "Records waiting in the group-commit queue.");

    internal static readonly Gauge BacklogRecords = Factory.CreateGauge(
        "ledger_backlog_records", "Stored records not yet in a sealed batch.");

    internal static readonly Gauge OldestPendingAge = Factory.CreateGauge(
        "ledger_backlog_oldest_pending_age_seconds", "Age of the oldest stored record not yet in a sealed batch (0 when none waits).");

    internal static readonly Gauge OpenBatches = Factory.CreateGauge(
        "ledger_open_batches", "Batches sealed but not yet confirmed on chain.");

    internal static readonly Gauge ChainHead = Factory.CreateGauge(
        "ledger_chain_head_block", "The chain's latest block number as this instance's node reports it.");

    internal static readonly Gauge ChainHeadLag = Factory.CreateGauge(
        "ledger_chain_head_lag_seconds", "Seconds since the latest block's timestamp: grows when the node or the chain stalls.");

    internal static readonly Gauge ChainUp = Factory.CreateGauge(
        "ledger_chain_up", "1 when this instance reached its chain node in this scrape, else 0.");

    internal static readonly Gauge AnchorAccountBalance = Factory.CreateGauge(
        "ledger_anchor_account_balance_wei", "Balance of this instance's anchoring account, in wei: what is left to pay fees with.");

    internal static readonly Gauge AnchoringLeader = Factory.CreateGauge(
        "ledger_anchoring_leader", "1 when this instance holds the anchoring lease, else 0.");

    internal static readonly Gauge LeaseHolder = Factory.CreateGauge(
        "ledger_anchoring_lease_holder", "1 for the instance named in the unexpired anchoring lease (shared by all instances).", "holder");

    static LedgerMetrics()
    {
        // Every error kind is exported from the start at 0, so an alert on the rate works before the first error.
        foreach (var kind in Enum.GetNames<Ledger.Chain.ChainErrorKind>())
        {
            RpcErrors.WithLabels(Kind(kind)).Publish();
        }
    }

    /// <summary>Counts a commit of <paramref name="count"/> records (null <paramref name="first"/>: nothing was written) and its latency.</summary>
    internal static void Written(Ledger.Data.Records.StoredRecord? first, int count, long queuedAtTimestamp)
    {
        if (first is null)
        {
            return;
        }
        RecordsAccepted.WithLabels(first.Domain).Inc(count);
        IngestLatency.Observe(System.Diagnostics.Stopwatch.GetElapsedTime(queuedAtTimestamp).TotalSeconds);
    }

    /// <summary>Counts a failed chain call.</summary>
    public static void RpcError(Ledger.Chain.ChainErrorKind kind) => RpcErrors.WithLabels(Kind(kind.ToString())).Inc();

    // FeeCapTooLow → fee_cap_too_low: the label values follow Prometheus' snake case.
    private static string Kind(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
