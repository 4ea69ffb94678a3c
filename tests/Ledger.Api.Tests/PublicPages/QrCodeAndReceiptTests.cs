using System.Net;
using System.Text.RegularExpressions;
using Ledger.Api.PublicPages;
using Microsoft.Playwright;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;

namespace Ledger.Api.Tests.PublicPages;

/// <summary>
/// A record's QR codes hold its page's public address (Public:BaseUrl), decoded back by ZXing from what Chromium drew;
/// the receipt prints on one A6 page with the sentence, the QR code and the hash in groups of four.
/// </summary>
public sealed partial class QrCodeAndReceiptTests(BrowserLedger ledger) : IClassFixture<BrowserLedger>
{
    [Theory]
    [InlineData("qr.svg", "image/svg+xml")]
    [InlineData("qr.png", "image/png")]
    public async Task TheQrCodeDecodesToTheRecordsPublicPageAddress(string file, string contentType)
    {
        var (hash, _) = await ledger.ConfirmedInspectionAsync($"L-QR-{file}");
        var response = await ledger.Factory.CreateClient().GetAsync($"/v/{hash}/{file}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        await using var context = await ledger.NewContextAsync();
        var page = await BrowserLedger.OpenAsync(context, $"/v/{hash}");

        // Under load Chromium can hand a just-decoded SVG to the canvas before it is rasterised (a blank draw, once
        // in a clean-clone CI run): a blank canvas is drawn again, up to three times; any code read must be the one.
        string? text = null;
        for (var attempt = 0; attempt < 3 && text is null; attempt++)
        {
            text = Decode(await DrawAsync(page, $"/v/{hash}/{file}"));
        }

        Assert.Equal($"{BrowserLedger.PublicBaseUrl}/v/{hash}", text);
    }

    [Fact]
    public async Task AQrCodeOfAMalformedHashIsRefused()
    {
        var response = await ledger.Factory.CreateClient().GetAsync("/v/0x12/qr.svg");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("zh", "真实有效。")]
    [InlineData("en", "Authentic.")]
    public async Task TheReceiptPrintsOnOneA6PageWithTheSentenceTheQrCodeAndTheHashInGroupsOfFour(string lang, string start)
    {
        var (hash, _) = await ledger.ConfirmedInspectionAsync($"L-RECEIPT-{lang}");
        await using var context = await ledger.NewContextAsync();

        var page = await BrowserLedger.OpenAsync(context, $"/v/{hash}/receipt?lang={lang}");
        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });

        Assert.StartsWith(start, await BrowserLedger.SentenceAsync(page));
        Assert.Equal(VerifyPage.InGroupsOfFour(hash), await page.Locator(".hash").InnerTextAsync());
        Assert.Matches(@"^0x( [0-9a-f]{4}){16}$", VerifyPage.InGroupsOfFour(hash));
        Assert.Equal($"{BrowserLedger.PublicBaseUrl}/v/{hash}", await page.Locator(".url").InnerTextAsync());
        Assert.True(await page.Locator("img.qr").EvaluateAsync<bool>("img => img.complete && img.naturalWidth > 0"));
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.Single(PageObject().Matches(raw));
        // A6 is 105 × 148 mm: 297.6 × 419.5 points.
        var box = MediaBox().Match(raw);
        Assert.True(box.Success, "no MediaBox in the PDF");
        Assert.InRange(double.Parse(box.Groups["w"].Value, System.Globalization.CultureInfo.InvariantCulture), 296, 299);
        Assert.InRange(double.Parse(box.Groups["h"].Value, System.Globalization.CultureInfo.InvariantCulture), 418, 421);
    }

    // Chromium draws the image on a canvas (same origin, so readable) and hands back its grey levels.
    private static async Task<(byte[] Grey, int Size)> DrawAsync(IPage page, string url)
    {
        const int size = 400;
        var grey = await page.EvaluateAsync<string>("""
            async ([url, size]) => {
              const img = new Image(size, size);
              img.src = url;
              await img.decode();
              await new Promise(done => requestAnimationFrame(() => done()));
              const canvas = document.createElement('canvas');
              canvas.width = canvas.height = size;
              const g = canvas.getContext('2d');
              g.fillStyle = '#fff';
              g.fillRect(0, 0, size, size);
              g.drawImage(img, 0, 0, size, size);
              const rgba = g.getImageData(0, 0, size, size).data;
              let text = '';
              for (let i = 0; i < rgba.length; i += 4) text += String.fromCharCode(rgba[i]);
              return btoa(text);
            }
            """, new object[] { url, size });
        return (Convert.FromBase64String(grey), size);
    }

    private static string? Decode((byte[] Grey, int Size) image)
    {
        var source = new RGBLuminanceSource(image.Grey, image.Size, image.Size, RGBLuminanceSource.BitmapFormat.Gray8);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)))?.Text;
    }

    [GeneratedRegex(@"/Type\s*/Page(?![s\w])")]
    private static partial Regex PageObject();

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+(?<w>[\d.]+)\s+(?<h>[\d.]+)\s*\]")]
    private static partial Regex MediaBox();
}
