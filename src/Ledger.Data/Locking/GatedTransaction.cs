using Microsoft.EntityFrameworkCore.Storage;

namespace Ledger.Data.Locking;

/// <summary>A transaction that frees its in-process write gate when it ends: on commit, rollback or disposal,
/// whichever comes first (<see cref="WriteLock.BeginWriteTransactionAsync"/>).</summary>
internal sealed class GatedTransaction(IDbContextTransaction inner, SemaphoreSlim gate) : IDbContextTransaction
{
    private int _released;

    public Guid TransactionId => inner.TransactionId;

    public void Commit()
    {
        try
        {
            inner.Commit();
        }
        finally
        {
            Release();
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.CommitAsync(cancellationToken);
        }
        finally
        {
            Release();
        }
    }

    public void Rollback()
    {
        try
        {
            inner.Rollback();
        }
        finally
        {
            Release();
        }
    }

    public async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await inner.RollbackAsync(cancellationToken);
        }
        finally
        {
            Release();
        }
    }

    public void CreateSavepoint(string name) => inner.CreateSavepoint(name);

    public Task CreateSavepointAsync(string name, CancellationToken cancellationToken = default) =>
        inner.CreateSavepointAsync(name, cancellationToken);

    public void RollbackToSavepoint(string name) => inner.RollbackToSavepoint(name);

    public Task RollbackToSavepointAsync(string name, CancellationToken cancellationToken = default) =>
        inner.RollbackToSavepointAsync(name, cancellationToken);

    public void ReleaseSavepoint(string name) => inner.ReleaseSavepoint(name);

    public Task ReleaseSavepointAsync(string name, CancellationToken cancellationToken = default) =>
        inner.ReleaseSavepointAsync(name, cancellationToken);

    public bool SupportsSavepoints => inner.SupportsSavepoints;

    public void Dispose()
    {
        try
        {
            inner.Dispose();
        }
        finally
        {
            Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await inner.DisposeAsync();
        }
        finally
        {
            Release();
        }
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            gate.Release();
        }
    }
}
