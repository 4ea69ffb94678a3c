using System.Globalization;
using Ledger.Chain;
using Ledger.Chain.Embedded;
using Ledger.Data.Organisations;
using Ledger.Testing;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Chain;

/// <summary>
/// A chain the service does not own: an anvil node the test can stop, restart and roll back, with LedgerAnchor
/// deployed and dev account 1 as its anchorer.
/// </summary>
internal sealed class ExternalChain : IAsyncDisposable
{
    private const int AnchorerKey = 1;

    private ExternalChain(AnvilNode node, LedgerAnchorContract contract)
    {
        Node = node;
        Contract = contract;
    }

    public AnvilNode Node { get; }
    public LedgerAnchorContract Contract { get; }

    public static async Task<ExternalChain> StartAsync()
    {
        var node = await AnvilNode.StartAsync();
        return new ExternalChain(node, await node.DeployLedgerAnchorAsync(AnchorerKey));
    }

    /// <summary>Service settings that anchor on this chain.</summary>
    public Dictionary<string, string?> Settings(IDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Chain:RpcUrl"] = Node.RpcUrl.ToString(),
            ["Chain:ChainId"] = Node.ChainId.ToString(CultureInfo.InvariantCulture),
            ["Chain:ContractAddress"] = Contract.Address,
            ["Chain:PrivateKey"] = AnvilProcess.DevPrivateKeys[AnchorerKey],
        };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>The organisation external-mode tests submit for (embedded mode's demo organisations do not exist here).</summary>
    public const string Organisation = "external-market-bureau";

    /// <summary>Registers <see cref="Organisation"/> and returns a client with a fresh inspector key of it.</summary>
    public static async Task<HttpClient> InspectorClientAsync(LedgerApiFactory factory)
    {
        await factory.QueryAsync(async db =>
        {
            await new OrganisationRegistry(db, TimeProvider.System)
                .EnsureAsync(Organisation, "External Market Supervision Bureau", OrganisationKinds.MarketSupervision, "330106", default);
            return 0;
        });
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", await factory.CreateKeyAsync(Ledger.Api.Access.Roles.Inspector, Organisation));
        return client;
    }

    /// <summary>How many times each root (0x, lower case) was anchored on chain.</summary>
    public Task<IReadOnlyDictionary<string, int>> AnchorCountsAsync() => Node.RootAnchoredCountsAsync(Contract.Address);

    /// <summary>Every record is in exactly one batch, and every batch's root is anchored on chain exactly once.</summary>
    public async Task AssertEachRecordAnchoredOnceAsync(LedgerApiFactory factory, int expectedRecords)
    {
        var records = await factory.QueryAsync(db => db.Records.AsNoTracking().ToListAsync());
        var batches = await factory.QueryAsync(db => db.Batches.AsNoTracking().ToListAsync());
        Assert.Equal(expectedRecords, records.Count);
        Assert.All(records, r => Assert.Contains(batches, b => b.Id == r.BatchId));
        Assert.Equal(expectedRecords, batches.Sum(b => b.LeafCount));
        var counts = await AnchorCountsAsync();
        Assert.Equal(batches.Select(b => b.Root).Order(), counts.Keys.Order());
        Assert.All(counts.Values, count => Assert.Equal(1, count));
    }

    public ValueTask DisposeAsync() => Node.DisposeAsync();
}
