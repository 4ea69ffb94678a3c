using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace Ledger.Bench.BareLoop;

/// <summary>A record waiting for its commit.</summary>
internal sealed record PendingRecord(string Id, string Hash, byte[] Body)
{
    public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>One writer loop: takes whatever queued up (at most maxPerCommit), inserts it in one transaction, commits, then
/// completes every waiting request.</summary>
internal sealed class GroupWriter
{
    private readonly Channel<PendingRecord> _queue = Channel.CreateBounded<PendingRecord>(
        new BoundedChannelOptions(4096) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    public GroupWriter(RecordStore store, int maxPerCommit) => Stopped = Task.Run(() => RunAsync(store, maxPerCommit));

    public Task Stopped { get; }

    public async Task WriteAsync(PendingRecord record)
    {
        await _queue.Writer.WriteAsync(record);
        await record.Committed.Task;
    }

    public void Complete() => _queue.Writer.TryComplete();

    private async Task RunAsync(RecordStore store, int maxPerCommit)
    {
        using var connection = store.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO records (id, hash, body, created_at_ms) VALUES ($id, $hash, $body, $at)";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var hash = insert.Parameters.Add("$hash", SqliteType.Text);
        var body = insert.Parameters.Add("$body", SqliteType.Blob);
        var at = insert.Parameters.Add("$at", SqliteType.Integer);
        var group = new List<PendingRecord>(maxPerCommit);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < maxPerCommit && _queue.Reader.TryRead(out var item))
            {
                group.Add(item);
            }
            try
            {
                using var tx = (SqliteTransaction)connection.BeginTransaction();
                insert.Transaction = tx;
                var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                foreach (var record in group)
                {
                    id.Value = record.Id;
                    hash.Value = record.Hash;
                    body.Value = record.Body;
                    at.Value = now;
                    insert.ExecuteNonQuery();
                }
                tx.Commit();
                group.ForEach(r => r.Committed.SetResult());
            }
            catch (SqliteException e)
            {
                group.ForEach(r => r.Committed.SetException(e));
            }
        }
    }
}
