using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Ledger.Api.PublicPages;

/// <summary>What a public page is about: which page, in which language, for which record, and the chain to check it on.</summary>
internal sealed record PageContext(string Language, string? RecordHash, string? PageUrl, PublicChainView Chain, int PendingSeconds)
{
    /// <summary>What the visitor asked for, shown in the hash box; a malformed one has no <see cref="RecordHash"/>.</summary>
    public string? Typed { get; init; }
}

/// <summary>
/// Writes the public pages' HTML: the verify page (<c>/verify</c>, <c>/v/{hash}</c>) and the A6 receipt. The server
/// writes the fixed words and the settings the script needs; the script (Assets/verify.js) fetches the record's public
/// view and proof, checks them, and writes the status sentence. No inline script or style, so the page's policy can
/// forbid both.
/// </summary>
internal static class VerifyPage
{
    public static string Render(PageContext page)
    {
        var t = PageText.For(page.Language);
        var hash = page.RecordHash;
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"""
            <h1>{E(t.Heading)}</h1>
            <p>{E(t.Intro)}</p>
            <form id="lookup" action="/verify" method="get" role="search">
              <label for="hash">{E(t.HashLabel)}</label>
              <p id="hash-hint" class="hint">{E(t.HashHint)}</p>
              <input id="hash" name="hash" type="text" inputmode="latin" autocomplete="off" spellcheck="false" aria-describedby="hash-hint" value="{E(hash ?? page.Typed ?? "")}">
              <input type="hidden" name="lang" value="{page.Language}">
              <button type="submit">{E(t.Check)}</button>
            </form>
            <section id="drop" aria-labelledby="drop-heading">
              <h2 id="drop-heading">{E(t.FileHeading)}</h2>
              <p id="drop-hint" class="hint">{E(t.FileHint)}</p>
              <label for="files">{E(t.FileLabel)}</label>
              <input id="files" type="file" multiple accept=".json,application/json" aria-describedby="drop-hint">
              <label for="salt">{E(t.SaltLabel)}</label>
              <p id="salt-hint" class="hint">{E(t.SaltHint)}</p>
              <input id="salt" type="text" autocomplete="off" spellcheck="false" aria-describedby="salt-hint">
            </section>
            <section id="result" aria-labelledby="result-heading">
              <h2 id="result-heading">{E(t.ResultHeading)}</h2>
              <div id="verdict" role="status" aria-live="polite" aria-atomic="true"></div>
              <dl id="details"></dl>
              <h3 id="checks-heading" hidden>{E(t.ChecksHeading)}</h3>
              <table id="checks" aria-labelledby="checks-heading" hidden><tbody></tbody></table>
            """);
        if (hash is not null)
        {
            body.Append(CultureInfo.InvariantCulture, $"""
                  <p class="actions"><a id="download" href="/api/v1/proofs/{hash}" download="proof-{hash[..10]}.json">{E(t.DownloadProof)}</a>
                  <a id="receipt" href="/v/{hash}/receipt?lang={page.Language}">{E(t.PrintReceipt)}</a></p>
                  <figure class="qr"><img src="/v/{hash}/qr.svg" width="180" height="180" alt="{E(t.QrAlt)}"><figcaption>{E(t.QrCaption)}</figcaption></figure>
                """);
        }
        body.Append(CultureInfo.InvariantCulture, $"""
            </section>
            <noscript><p>{E(t.NoScript)}</p></noscript>
            """);
        return Document(page, t, t.Title, "page", body.ToString(), SwitchLink(page, t));
    }

    public static string RenderReceipt(PageContext page)
    {
        var t = PageText.For(page.Language);
        var hash = page.RecordHash!;
        var body = $"""
            <h1>{E(t.ReceiptTitle)}</h1>
            <div id="verdict" role="status" aria-live="polite" aria-atomic="true"></div>
            <img class="qr" src="/v/{hash}/qr.svg" width="200" height="200" alt="{E(t.QrAlt)}">
            <p>{E(t.ReceiptScan)}</p>
            <p class="url">{E(page.PageUrl ?? "")}</p>
            <h2>{E(t.ReceiptHash)}</h2>
            <p class="hash">{E(InGroupsOfFour(hash))}</p>
            """;
        return Document(page, t, t.ReceiptTitle, "receipt", body, header: "");
    }

    /// <summary>"0x" and the 64 digits in groups of four, easy to read aloud and to compare by eye.</summary>
    public static string InGroupsOfFour(string hash) =>
        "0x " + string.Join(' ', hash[2..].Chunk(4).Select(c => new string(c)));

    private static string Document(PageContext page, PageText t, string title, string mode, string body, string header) => $"""
        <!doctype html>
        <html lang="{PageLanguage.Tag(page.Language)}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="referrer" content="no-referrer">
        <title>{E(title)} · Ledger</title>
        <link rel="stylesheet" href="/verify/assets/verify.css">
        <script type="module" src="/verify/assets/verify.js"></script>
        </head>
        <body class="{mode}">
        {header}
        <main id="verify" data-mode="{mode}" data-lang="{page.Language}"{Data("record-hash", page.RecordHash)}{Data("malformed", page.RecordHash is null ? page.Typed : null)}{Data("rpc-url", page.Chain.RpcUrl?.ToString())}{Data("contract", page.Chain.Contract)}{Data("chain-id", page.Chain.ChainId?.ToString(CultureInfo.InvariantCulture))}{Data("chain-name", page.Chain.ChainName)} data-pending-seconds="{page.PendingSeconds}">
        {body}
        </main>
        {(mode == "page" ? $"<footer><p>{E(t.Footer)}</p></footer>" : "")}
        </body>
        </html>
        """;

    private static string SwitchLink(PageContext page, PageText t)
    {
        var other = PageLanguage.Other(page.Language);
        // Relative, so the switch keeps the page (and its record) and changes only the language.
        return $"""<header><a class="lang" href="?lang={other}" lang="{PageLanguage.Tag(other)}" hreflang="{PageLanguage.Tag(other)}">{E(t.Switch)}</a></header>""";
    }

    private static string Data(string name, string? value) => value is null ? "" : $" data-{name}=\"{E(value)}\"";

    // Chinese stays as itself (not &#x...; entities): the page is UTF-8, and half the size this way.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string E(string text) => Encoder.Encode(text);
}
