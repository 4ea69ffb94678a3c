namespace Ledger.Core.Epcis;

/// <summary>
/// Tells apart identifiers that claim to be GS1 keys and are not well formed. GS1's EPCIS schema asks only for a URI,
/// so it admits, say, an SSCC URN with one digit too many; <see cref="Gs1Identifier"/> cannot read such a key, and it
/// would be indexed as written, matching only its own spelling. A value claims to be a GS1 key when it is
/// <list type="bullet">
/// <item>an EPC URN, starting <c>urn:epc:id:</c>, <c>urn:epc:class:</c> or <c>urn:epc:idpat:</c> in any case, except
/// for the Tag Data Standard's EPC schemes that are not GS1 keys (<c>gid</c>, <c>usdod</c>, <c>adi</c>, <c>bic</c>,
/// <c>imovn</c>), which have no Digital Link spelling and are kept as written; or</item>
/// <item>a GS1 Digital Link URI: <c>http</c> or <c>https</c>, and either on host <c>id.gs1.org</c>, or with a path
/// segment naming a GS1 primary key — its application identifier (<c>01</c>, <c>00</c>, <c>414</c>, <c>417</c>,
/// <c>8006</c>, <c>8010</c>, <c>8017</c>, <c>8018</c>, <c>253</c>, <c>255</c>, <c>401</c>, <c>402</c>, <c>8003</c>,
/// <c>8004</c>) or its short name (<c>gtin</c>, <c>sscc</c>, <c>gln</c>, …) — followed by a segment of more than four
/// characters that starts with four digits, as every GS1 key does.</item>
/// </list>
/// Such a value is well formed when <see cref="Gs1Identifier.TryParse"/> reads it and, for a Digital Link URI, its
/// check digit is right. Anything else — <c>https://example.com/things/42</c>, <c>geo:…</c>, <c>urn:uuid:…</c> —
/// makes no claim and is not judged here.
/// </summary>
public static class Gs1KeyCheck
{
    private static readonly string[] UrnKinds = ["urn:epc:id:", "urn:epc:class:", "urn:epc:idpat:"];

    private static readonly HashSet<string> OtherEpcSchemes = new(["gid", "usdod", "adi", "bic", "imovn"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="value"/> claims to be a GS1 key (an EPC URN of one, or a GS1 Digital Link URI).</summary>
    public static bool ClaimsToBeGs1Key(string value)
    {
        var text = value.Trim();
        return IsEpcUrn(text) ? !IsOtherEpcScheme(text) : IsDigitalLinkShaped(text);
    }

    /// <summary>
    /// Why <paramref name="value"/>, which claims to be a GS1 key, is not a well-formed one — a digit count, a check
    /// digit, an unknown scheme, in words a sender can act on — or null when it is well formed or makes no claim.
    /// </summary>
    public static string? Problem(string value)
    {
        var text = value.Trim();
        if (!ClaimsToBeGs1Key(text))
        {
            return null;
        }
        if (Gs1Identifier.TryParse(text) is { } id)
        {
            return DigitalLinkProblems.CheckDigit(id);
        }
        if (IsEpcUrn(text))
        {
            return EpcUrnProblems.Explain(text);
        }
        return text.StartsWith("http://", StringComparison.Ordinal) || text.StartsWith("https://", StringComparison.Ordinal)
            ? DigitalLinkProblems.Explain(text)
            : "write the scheme in lower case: http:// or https://";
    }

    private static bool IsEpcUrn(string text) => Array.Exists(UrnKinds, kind => text.StartsWith(kind, StringComparison.OrdinalIgnoreCase));

    private static bool IsOtherEpcScheme(string text)
    {
        var kindEnd = text.IndexOf(':', 8);
        var schemeEnd = text.IndexOf(':', kindEnd + 1);
        return schemeEnd > 0 && OtherEpcSchemes.Contains(text[(kindEnd + 1)..schemeEnd]);
    }

    private static bool IsDigitalLinkShaped(string text)
    {
        var afterScheme = text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8
            : text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7
            : -1;
        if (afterScheme < 0)
        {
            return false;
        }
        var end = text.AsSpan(afterScheme).IndexOfAny('?', '#') is var stop and >= 0 ? afterScheme + stop : text.Length;
        var slash = text.IndexOf('/', afterScheme, end - afterScheme);
        var authority = text[afterScheme..(slash < 0 ? end : slash)];
        var host = authority[(authority.LastIndexOf('@') + 1)..];
        host = host.IndexOf(':') is var port and >= 0 ? host[..port] : host;
        if (host.Equals("id.gs1.org", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        var segments = slash < 0 ? [] : text[slash..end].Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i + 1 < segments.Length; i++)
        {
            if (DigitalLink.PrimaryKey(segments[i]) is not null && DigitalLink.StartsWithFourDigits(segments[i + 1]))
            {
                return true;
            }
        }
        return false;
    }
}
