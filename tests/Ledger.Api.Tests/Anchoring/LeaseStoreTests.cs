using Ledger.Data;
using Ledger.Data.Leasing;
using Ledger.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace Ledger.Api.Tests.Anchoring;

/// <summary>The lease row on a real SQLite file: one holder at a time, taken over only after expiry or release.</summary>
public sealed class LeaseStoreTests : IAsyncLifetime
{
    private const string Name = "anchoring";
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"ledger-lease-{Guid.NewGuid():N}.db");
    private LedgerDbContext _db = null!;

    public async Task InitializeAsync()
    {
        _db = new LedgerDbContext(new DbContextOptionsBuilder<LedgerDbContext>().UseSqlite($"Data Source={_file};Pooling=False").Options);
        await SchemaMigrator.MigrateAsync(_db);
    }

    public async Task DisposeAsync()
    {
        await _db.DisposeAsync();
        File.Delete(_file);
    }

    private Task<bool> TakeAsync(string holder, long nowMs, long forMs = 10_000) =>
        LeaseStore.TryAcquireAsync(_db, Name, holder, nowMs, nowMs + forMs, CancellationToken.None);

    [Fact]
    public async Task AnotherInstanceTakesTheLeaseOnlyAfterTheHolderStopsRenewingAndItExpires()
    {
        Assert.True(await TakeAsync("a", nowMs: 0));
        Assert.False(await TakeAsync("b", nowMs: 5_000));
        Assert.True(await TakeAsync("a", nowMs: 6_000));
        Assert.False(await TakeAsync("b", nowMs: 15_999));
        Assert.True(await TakeAsync("b", nowMs: 16_001));
        Assert.False(await TakeAsync("a", nowMs: 16_002));

        var lease = await _db.Leases.AsNoTracking().SingleAsync();
        Assert.Equal("b", lease.Holder);
        Assert.Equal(16_001, lease.AcquiredAtMs);
    }

    [Fact]
    public async Task AReleasedLeaseCanBeTakenAtOnceButOnlyItsHolderCanReleaseIt()
    {
        Assert.True(await TakeAsync("a", nowMs: 0));
        Assert.False(await LeaseStore.ReleaseAsync(_db, Name, "b", CancellationToken.None));
        Assert.False(await TakeAsync("b", nowMs: 1_000));

        Assert.True(await LeaseStore.ReleaseAsync(_db, Name, "a", CancellationToken.None));

        Assert.True(await TakeAsync("b", nowMs: 1_001));
    }
}
