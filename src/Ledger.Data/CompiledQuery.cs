using System.Collections.Concurrent;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Ledger.Data;

/// <summary>
/// EF Core compiled queries, compiled once per model. A compiled query may only run against the model it was compiled
/// for, and a process can hold more than one (the tests run services on SQLite and on PostgreSQL side by side), so the
/// delegate compiles on first use for each model and keeps the result: one dictionary look-up per call after that.
/// </summary>
public static class CompiledQuery
{
    /// <summary>A single-result asynchronous compiled query without parameters.</summary>
    public static Func<LedgerDbContext, CancellationToken, Task<TResult>> Of<TResult>(
        Expression<Func<LedgerDbContext, CancellationToken, TResult>> query)
    {
        var byModel = new ConcurrentDictionary<IModel, Func<LedgerDbContext, CancellationToken, Task<TResult>>>();
        return (db, ct) => byModel.GetOrAdd(db.Model, _ => EF.CompileAsyncQuery(query))(db, ct);
    }

    /// <summary>A single-result asynchronous compiled query of one parameter.</summary>
    public static Func<LedgerDbContext, TParam, CancellationToken, Task<TResult>> Of<TParam, TResult>(
        Expression<Func<LedgerDbContext, TParam, CancellationToken, TResult>> query)
    {
        var byModel = new ConcurrentDictionary<IModel, Func<LedgerDbContext, TParam, CancellationToken, Task<TResult>>>();
        return (db, parameter, ct) => byModel.GetOrAdd(db.Model, _ => EF.CompileAsyncQuery(query))(db, parameter, ct);
    }

    /// <summary>A single-result asynchronous compiled query of two parameters.</summary>
    public static Func<LedgerDbContext, TFirst, TSecond, CancellationToken, Task<TResult>> Of<TFirst, TSecond, TResult>(
        Expression<Func<LedgerDbContext, TFirst, TSecond, CancellationToken, TResult>> query)
    {
        var byModel = new ConcurrentDictionary<IModel, Func<LedgerDbContext, TFirst, TSecond, CancellationToken, Task<TResult>>>();
        return (db, first, second, ct) => byModel.GetOrAdd(db.Model, _ => EF.CompileAsyncQuery(query))(db, first, second, ct);
    }
}
