namespace Ledger.Core.Epcis;

/// <summary>
/// Standard vocabulary values in their CBV 2.0 Web URI form. JSON-LD documents write the standard terms bare
/// (<c>"bizStep": "shipping"</c>), older documents as URNs (<c>urn:epcglobal:cbv:bizstep:shipping</c>); the hash and
/// any comparison use <c>https://ref.gs1.org/cbv/BizStep-shipping</c>.
/// </summary>
public static class CbvVocabulary
{
    /// <summary>Where CBV's own terms live.</summary>
    public const string CbvBase = "https://ref.gs1.org/cbv/";

    /// <summary>Where GS1 Web Vocabulary terms (measurement types, sensor alert types) live.</summary>
    public const string Gs1VocBase = "https://gs1.org/voc/";

    /// <summary>Where EPCIS's own terms live.</summary>
    public const string EpcisBase = "https://ref.gs1.org/epcis/";

    private static readonly (string Urn, string Web)[] UrnPrefixes =
    [
        ("urn:epcglobal:cbv:bizstep:", CbvBase + "BizStep-"),
        ("urn:epcglobal:cbv:disp:", CbvBase + "Disp-"),
        ("urn:epcglobal:cbv:btt:", CbvBase + "BTT-"),
        ("urn:epcglobal:cbv:sdt:", CbvBase + "SDT-"),
        ("urn:epcglobal:cbv:er:", CbvBase + "ER-"),
    ];

    /// <summary>The Web URI of a bare business step, e.g. <c>receiving</c>.</summary>
    public static string BizStep(string value) => Bare(value, CbvBase + "BizStep-");

    /// <summary>The Web URI of a bare disposition, e.g. <c>in_transit</c>.</summary>
    public static string Disposition(string value) => Bare(value, CbvBase + "Disp-");

    /// <summary>
    /// The Web URI prefix for bare values of a standard field with a vocabulary, found by the field's name and the
    /// name of the object holding it; null when the field has none.
    /// </summary>
    internal static string? BarePrefix(string? parent, string field) => (parent, field) switch
    {
        (null, "bizStep") => CbvBase + "BizStep-",
        (null, "disposition") or ("persistentDisposition", "set" or "unset") => CbvBase + "Disp-",
        ("bizTransaction", "type") => CbvBase + "BTT-",
        ("source" or "destination", "type") => CbvBase + "SDT-",
        ("errorDeclaration", "reason") => CbvBase + "ER-",
        ("sensorReport", "type" or "exception") => Gs1VocBase,
        ("sensorReport", "component") => CbvBase + "Comp-",
        _ => null,
    };

    /// <summary>An old <c>urn:epcglobal:cbv:…</c> value in its Web URI form; any other text unchanged.</summary>
    public static string FromUrn(string value)
    {
        if (!value.StartsWith("urn:epcglobal:cbv:", StringComparison.Ordinal))
        {
            return value;
        }
        foreach (var (urn, web) in UrnPrefixes)
        {
            if (value.StartsWith(urn, StringComparison.Ordinal))
            {
                return string.Concat(web, value.AsSpan(urn.Length));
            }
        }
        return value;
    }

    // A bare term is a plain word: anything with a colon is already a URI or a CURIE.
    private static string Bare(string value, string prefix) =>
        value.Length > 0 && !value.Contains(':', StringComparison.Ordinal) ? prefix + value : FromUrn(value);

    internal static string ExpandBare(string value, string prefix) => Bare(value, prefix);
}
