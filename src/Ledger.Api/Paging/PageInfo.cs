namespace Ledger.Api.Paging;

/// <summary>The <c>page</c> member of every list response: how to ask for the next page, and how many items there are.</summary>
/// <param name="Limit">The limit this page was cut at.</param>
/// <param name="Next">Pass as <c>cursor</c> for the next page; null on the last page.</param>
/// <param name="Total">How many items the whole list holds, where the service counts them cheaply; otherwise null.</param>
public sealed record PageInfo(int Limit, string? Next, long? Total);

/// <summary>Cuts pages out of lists by a unique string key, in the key's ordinal order.</summary>
public static class Pages
{
    /// <summary>
    /// For a list held in memory: the items whose key comes after the cursor's, at most the limit, in ordinal key order,
    /// and the page member that continues them. An item added or removed between pages neither repeats nor shifts others.
    /// </summary>
    public static (IReadOnlyList<T> Items, PageInfo Page) Cut<T>(IReadOnlyCollection<T> items, Func<T, string> key, PageRequest request)
    {
        var rest = items.Where(i => request.After is null || string.CompareOrdinal(key(i), request.After) > 0)
            .OrderBy(key, StringComparer.Ordinal).Take(request.Limit + 1).ToList();
        return Of(rest, key, request, items.Count);
    }

    /// <summary>
    /// A page from up to limit + 1 items fetched after the cursor (one more than asked, to know whether a next page
    /// exists without counting).
    /// </summary>
    public static (IReadOnlyList<T> Items, PageInfo Page) Of<T>(IReadOnlyList<T> fetched, Func<T, string> key, PageRequest request, long? total)
    {
        var items = fetched.Take(request.Limit).ToList();
        var next = fetched.Count > request.Limit ? PageRequest.CursorAfter(key(items[^1])) : null;
        return (items, new PageInfo(request.Limit, next, total));
    }
}
