namespace Ledger.Core.Epcis;

/// <summary>How fine an identifier is: one thing, one lot of a product, or every instance of a product or key.</summary>
public enum Gs1Granularity
{
    /// <summary>One physical or digital instance: a serialised trade item (SGTIN), a logistic unit (SSCC), one asset, one place.</summary>
    Instance,

    /// <summary>One lot or batch of a product (LGTIN, <c>/01/…/10/…</c>): the unit of food-safety traceability.</summary>
    Lot,

    /// <summary>A whole product or key class with no lot or serial (an EPC pattern such as <c>urn:epc:idpat:sgtin:…*</c>, a bare GTIN).</summary>
    Class,
}

/// <summary>
/// A GS1 identifier in its one canonical spelling: the constrained canonical GS1 Digital Link URI on
/// <c>https://id.gs1.org</c> that CBV 2.0 prescribes for the event hash. An EPC URN (<c>urn:epc:id:sgtin:…</c>,
/// <c>urn:epc:class:lgtin:…</c>, <c>urn:epc:idpat:…</c>) and any Digital Link URI for the same thing (any host, short
/// key names, a query string, a lot beside a serial) give the same <see cref="Canonical"/> text.
/// </summary>
/// <param name="Canonical">The constrained canonical Digital Link URI, e.g. <c>https://id.gs1.org/01/04012345111118/21/9876</c>.</param>
/// <param name="PrimaryKey">The GS1 application identifier of the primary key: <c>01</c> (GTIN), <c>00</c> (SSCC), <c>414</c> (GLN), …</param>
/// <param name="Granularity">Instance, lot or class: trace queries follow lots and instances differently.</param>
public sealed record Gs1Identifier(string Canonical, string PrimaryKey, Gs1Granularity Granularity)
{
    private const string Host = "https://id.gs1.org/";

    /// <summary>
    /// Reads an EPC URN, EPC class or pattern URN, or GS1 Digital Link URI; null when <paramref name="text"/> is none
    /// of them (a free URI, a geo: location, a malformed key).
    /// </summary>
    public static Gs1Identifier? TryParse(string? text) => Parse(text, allowEscapes: true);

    /// <summary>
    /// As <see cref="TryParse"/>, but exactly as the event hash's reference implementation reads identifiers: a Digital
    /// Link URI with a percent-escape in a serial or lot is not normalised (an EPC URN with one still is).
    /// </summary>
    internal static Gs1Identifier? TryParseForHash(string text) => Parse(text, allowEscapes: false);

    private static Gs1Identifier? Parse(string? text, bool allowEscapes)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var canonical = text.StartsWith("urn:epc:", StringComparison.Ordinal) ? EpcUrn.ToDigitalLink(text) : DigitalLink.Constrain(text, allowEscapes);
        return canonical is null ? null : FromCanonical(canonical);
    }

    /// <summary>Whether two spellings name the same identifier (both must be GS1 identifiers).</summary>
    public static bool SameIdentifier(string a, string b)
    {
        var x = TryParse(a);
        return x is not null && x == TryParse(b);
    }

    /// <summary>The GTIN of a trade item (instance, lot or class), or null for any other key.</summary>
    public string? Gtin => PrimaryKey == "01" ? Canonical.Substring(Host.Length + 3, 14) : null;

    /// <summary>The lot or batch number of a lot-level identifier (percent-encoded as in the URI), else null.</summary>
    public string? Lot => Granularity == Gs1Granularity.Lot ? Canonical[(Canonical.LastIndexOf('/') + 1)..] : null;

    /// <summary>The product class this identifier belongs to: the bare GTIN URI for any trade item, itself otherwise.</summary>
    public Gs1Identifier ProductClass => PrimaryKey == "01" && Granularity != Gs1Granularity.Class
        ? new Gs1Identifier($"{Host}01/{Gtin}", "01", Gs1Granularity.Class)
        : this;

    /// <inheritdoc />
    public override string ToString() => Canonical;

    private static Gs1Identifier FromCanonical(string canonical)
    {
        var path = canonical.AsSpan(Host.Length);
        var slash = path.IndexOf('/');
        var key = (slash < 0 ? path : path[..slash]).ToString();
        var qualifier = slash < 0 ? "" : path[(slash + 1)..].ToString();
        var granularity = key switch
        {
            "01" or "8006" when qualifier.Contains("/10/", StringComparison.Ordinal) => Gs1Granularity.Lot,
            "01" or "8006" when qualifier.Contains('/') => Gs1Granularity.Instance,
            "01" or "8006" => Gs1Granularity.Class,
            // GRAI, GDTI and GCN carry their optional serial straight after the check digit.
            "8003" => qualifier.Length > 14 ? Gs1Granularity.Instance : Gs1Granularity.Class,
            "253" or "255" => qualifier.Length > 13 ? Gs1Granularity.Instance : Gs1Granularity.Class,
            "8010" => qualifier.Contains("/8011/", StringComparison.Ordinal) ? Gs1Granularity.Instance : Gs1Granularity.Class,
            _ => Gs1Granularity.Instance,
        };
        return new Gs1Identifier(canonical, key, granularity);
    }
}
