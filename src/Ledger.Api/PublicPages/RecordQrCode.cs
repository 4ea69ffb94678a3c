using QRCoder;

namespace Ledger.Api.PublicPages;

/// <summary>QR codes of a record's verify page, as SVG (for screens and print) and PNG (for documents that take only images).</summary>
internal static class RecordQrCode
{
    // M (15 % recovery) survives a smudged or creased print while keeping the code small enough for a cheap phone camera.
    private const QRCodeGenerator.ECCLevel Recovery = QRCodeGenerator.ECCLevel.M;

    public static string Svg(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, Recovery);
        return new SvgQRCode(data).GetGraphic(8);
    }

    public static byte[] Png(string url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, Recovery);
        return new PngByteQRCode(data).GetGraphic(10);
    }
}
