using Microsoft.Net.Http.Headers;

namespace Ledger.Api.PublicPages;

/// <summary>The public pages speak Chinese first and English on request: <c>?lang=en</c>, or a browser that prefers English.</summary>
internal static class PageLanguage
{
    public const string Chinese = "zh";
    public const string English = "en";

    /// <summary>The page's language: the <c>lang</c> query wins, then the first of zh/en in Accept-Language by quality, then Chinese.</summary>
    public static string Of(HttpRequest request)
    {
        var asked = request.Query["lang"].ToString();
        if (asked is Chinese or English)
        {
            return asked;
        }
        var preferred = request.GetTypedHeaders().AcceptLanguage
            .Where(l => (l.Quality ?? 1) > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => Primary(l.Value.Value))
            .FirstOrDefault(l => l is Chinese or English);
        return preferred ?? Chinese;
    }

    /// <summary>The BCP 47 tag for the page's <c>lang</c> attribute.</summary>
    public static string Tag(string language) => language == English ? "en" : "zh-CN";

    /// <summary>The other language, for the one switch on the page.</summary>
    public static string Other(string language) => language == English ? Chinese : English;

    private static string? Primary(string? tag) =>
        tag?.Split('-', 2)[0].ToLowerInvariant();

    /// <summary>Tells caches that the same URL answers in two languages.</summary>
    public static void Describe(HttpResponse response, string language)
    {
        response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
        response.Headers.ContentLanguage = Tag(language);
    }
}
