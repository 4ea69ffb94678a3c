using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Api.Anchoring;
using Ledger.Api.Chain;
using Ledger.Chain;
using Ledger.Data.Anchoring;
using Ledger.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Anchoring;

/// <summary>
/// The real service with its hosted anchoring worker switched off: the test runs one anchoring cycle at a time and
/// moves the clock itself, so every fault can be staged in order against a real anvil node.
/// </summary>
internal sealed class SteppedLedger : IAsyncDisposable
{
    public static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan ReplaceAfter = TimeSpan.FromMinutes(1);

    private readonly HttpClient _http = new();
    private HttpClient? _submitter;

    private SteppedLedger(LedgerApiFactory factory, AdjustableClock clock)
    {
        Factory = factory;
        Clock = clock;
    }

    public LedgerApiFactory Factory { get; }
    public AdjustableClock Clock { get; }
    public ConnectedChain Chain { get; private set; } = null!;
    /// <summary>The chain node, for anvil_* and evm_* calls.</summary>
    public JsonRpcChainClient Node { get; private set; } = null!;

    /// <summary>Starts the service on the embedded chain, or on an external one when <paramref name="settings"/> say so.</summary>
    public static async Task<SteppedLedger> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?>
        {
            ["Anchoring:Enabled"] = "false",
            ["Anchoring:BatchInterval"] = "00:00:00",
            ["Chain:ResendAfter"] = ResendAfter.ToString("c", CultureInfo.InvariantCulture),
            ["Chain:ReplaceAfter"] = ReplaceAfter.ToString("c", CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var clock = new AdjustableClock();
        var ledger = new SteppedLedger(new LedgerApiFactory(settings: all) { ConfigureServices = s => s.AddSingleton<TimeProvider>(clock) }, clock);
        ledger.Chain = await ledger.Factory.ChainAsync();
        ledger.Node = new JsonRpcChainClient(ledger._http, ledger.Chain.RpcUrl);
        return ledger;
    }

    /// <summary>One anchoring cycle; false when another instance holds the lease.</summary>
    public Task<bool> StepAsync() =>
        Factory.Services.GetRequiredService<AnchoringWorker>().RunOnceAsync(Chain, CancellationToken.None);

    /// <summary>Submits an inspection and returns its record hash.</summary>
    public async Task<string> SubmitAsync(string lot = "L-1")
    {
        _submitter ??= await SubmitterAsync();
        return (await Samples.SubmitAsync(_submitter, Samples.Inspection(lot))).GetProperty("recordHash").GetString()!;
    }

    public Task<AnchorBatch> BatchOfAsync(string recordHash) => Factory.QueryAsync(async db =>
    {
        var record = await db.Records.AsNoTracking().SingleAsync(r => r.RecordHash == recordHash);
        return await db.Batches.AsNoTracking().SingleAsync(b => b.Id == record.BatchId);
    });

    /// <summary>Every transaction signed for the record's batch, newest first.</summary>
    public async Task<List<BatchTransaction>> TransactionsAsync(string recordHash)
    {
        var batch = await BatchOfAsync(recordHash);
        return await Factory.QueryAsync(db => db.BatchTransactions.AsNoTracking().Where(t => t.BatchId == batch.Id).OrderByDescending(t => t.Id).ToListAsync());
    }

    /// <summary>The public proof bundle.</summary>
    public async Task<JsonElement> ProofAsync(string recordHash) =>
        JsonDocument.Parse(await Factory.CreateClient().GetStringAsync($"/api/v1/proofs/{recordHash}")).RootElement.Clone();

    public async Task<string> StatusAsync(string recordHash) => (await ProofAsync(recordHash)).GetProperty("status").GetString()!;

    /// <summary>True while the node holds the transaction unmined in its pool.</summary>
    public async Task<bool> IsPendingAsync(string txHash)
    {
        var tx = await Node.RequestAsync("eth_getTransactionByHash", [txHash]);
        return tx.ValueKind == JsonValueKind.Object && tx.GetProperty("blockNumber").ValueKind == JsonValueKind.Null;
    }

    public Task SetAutomineAsync(bool on) => Node.RequestAsync("evm_setAutomine", [on]);

    public Task MineAsync(int blocks = 1) => Node.RequestAsync("anvil_mine", ["0x" + blocks.ToString("x", CultureInfo.InvariantCulture)]);

    /// <summary>How many RootAnchored logs the contract emitted for <paramref name="root"/>.</summary>
    public async Task<int> AnchorCountAsync(string root)
    {
        var logs = await Chain.Client.GetLogsAsync(Chain.Contract.Address, [LedgerAnchorAbi.RootAnchoredTopic, null, root], 0, null);
        return logs.Count;
    }

    /// <summary>The canonical hash of block <paramref name="number"/>.</summary>
    public async Task<string?> CanonicalHashAsync(ulong number) => (await Chain.Client.GetBlockAsync(number))?.Hash;

    public static BigInteger Wei(string text) => BigInteger.Parse(text, CultureInfo.InvariantCulture);

    private async Task<HttpClient> SubmitterAsync()
    {
        var client = Factory.CreateClient();
        var key = Chain.Embedded ? Factory.KeyFor(Roles.Inspector) : await Factory.CreateKeyAsync(Roles.Inspector, "test-market-bureau");
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Factory.DisposeAsync();
        try
        {
            Factory.DeleteData();
        }
        catch (IOException)
        {
            // A host that failed to start may leave its node writing here; the temp folder is left behind rather
            // than hiding the test's own failure behind this one.
        }
    }
}
