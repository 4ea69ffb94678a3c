using System.Globalization;
using System.Text;
using Ledger.Api.Problems;
using Microsoft.AspNetCore.WebUtilities;

namespace Ledger.Api.Paging;

/// <summary>
/// Where a page of a list starts and how long it is, read from the query every list endpoint takes:
/// <c>cursor</c> (the previous page's <c>page.next</c>, opaque) and <c>limit</c>. See the README, "Lists".
/// </summary>
/// <param name="After">The key of the last item already seen, decoded from the cursor; null for the first page.</param>
/// <param name="Limit">How many items to return at most.</param>
public sealed record PageRequest(string? After, int Limit)
{
    /// <summary>Items per page when the query gives no limit.</summary>
    public const int DefaultLimit = 100;

    /// <summary>The largest limit a client may ask for.</summary>
    public const int MaxLimit = 500;

    /// <summary>How the query parameters read, for an endpoint's description in the OpenAPI document.</summary>
    public static readonly string Description =
        $"Query: cursor = the previous page's page.next (opaque; omit for the first page), limit = items per page " +
        $"(1 to {MaxLimit}, default {DefaultLimit}). Follow page.next until it is null.";

    /// <summary>Reads cursor and limit, or refuses them with a 400 that names the parameter.</summary>
    public static PageRequest Parse(string? cursor, string? limit)
    {
        var take = DefaultLimit;
        if (!string.IsNullOrEmpty(limit) && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out take) || take is < 1 or > MaxLimit))
        {
            throw LedgerProblem.InvalidQuery("limit", $"must be a whole number from 1 to {MaxLimit}: how many items to return (default {DefaultLimit}).");
        }
        return new PageRequest(string.IsNullOrEmpty(cursor) ? null : Decode(cursor), take);
    }

    /// <summary>The cursor that continues after the item with this key.</summary>
    public static string CursorAfter(string key) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(key));

    private static string Decode(string cursor)
    {
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
        }
        catch (FormatException)
        {
            throw LedgerProblem.InvalidQuery("cursor", "is not a cursor this service gave out: pass the previous page's page.next unchanged, or omit it for the first page.");
        }
    }
}
