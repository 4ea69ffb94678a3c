namespace Ledger.Core.Epcis;

/// <summary>
/// EPC URNs (GS1 EPC Tag Data Standard, pure identity, class and pattern URIs) turned into constrained canonical GS1
/// Digital Link URIs. The URN carries the GS1 company prefix length (the digits before the first dot), so this
/// direction needs no prefix table; the check digit is computed, serials are percent-encoded as Digital Link asks.
/// </summary>
internal static class EpcUrn
{
    private const string Host = "https://id.gs1.org/";

    /// <summary>The Digital Link form of <paramref name="urn"/>, or null when it is not a well-formed EPC URN we know.</summary>
    public static string? ToDigitalLink(string urn)
    {
        // urn:epc:{id|class|idpat}:{scheme}:{body}; the body itself may hold colons (a serial may).
        var kind = urn.IndexOf(':', 8);
        var colon = kind < 0 ? -1 : urn.IndexOf(':', kind + 1);
        if (colon < 0)
        {
            return null;
        }
        var scheme = urn[8..colon];
        var parts = urn[(colon + 1)..].Split('.', scheme is "id:itip" or "idpat:itip" ? 5 : 3);
        if (parts.Length < 2 || parts[0].Length is < 6 or > 12 || !AllDigits(parts[0]))
        {
            return null;
        }
        var gcp = parts[0];
        return scheme switch
        {
            "id:sgtin" => Serialised("01/", Gtin(gcp, parts), parts, "/21/", 20),
            "id:upui" => Serialised("01/", Gtin(gcp, parts), parts, "/235/", 28),
            "class:lgtin" => Serialised("01/", Gtin(gcp, parts), parts, "/10/", 20),
            "idpat:sgtin" or "idpat:upui" => Pattern(parts, 2) ? Key("01/", Gtin(gcp, parts)) : null,
            "id:sscc" => parts.Length == 2 && Digits(parts[1], 17 - gcp.Length) ? Key("00/", parts[1][..1] + gcp + parts[1][1..]) : null,
            "id:sgln" => Sgln(gcp, parts),
            "id:pgln" => parts.Length == 2 && Digits(parts[1], 12 - gcp.Length) ? Key("417/", gcp + parts[1]) : null,
            "id:grai" => Serialised("8003/", Reference(gcp, parts, 12, "0"), parts, "", 16),
            "idpat:grai" => Pattern(parts, 2) ? Key("8003/", Reference(gcp, parts, 12, "0")) : null,
            "id:gdti" => Serialised("253/", Reference(gcp, parts, 12), parts, "", 17),
            "idpat:gdti" => Pattern(parts, 2) ? Key("253/", Reference(gcp, parts, 12)) : null,
            "id:sgcn" => parts.Length == 3 && parts[2].Length is >= 1 and <= 12 && AllDigits(parts[2]) && Reference(gcp, parts, 12) is { } sgcn
                ? Key("255/", sgcn) + parts[2] : null,
            "idpat:sgcn" => Pattern(parts, 2) ? Key("255/", Reference(gcp, parts, 12)) : null,
            "id:gsrn" => parts.Length == 2 && Digits(parts[1], 17 - gcp.Length) ? Key("8018/", gcp + parts[1]) : null,
            "id:gsrnp" => parts.Length == 2 && Digits(parts[1], 17 - gcp.Length) ? Key("8017/", gcp + parts[1]) : null,
            "id:gsin" => parts.Length == 2 && Digits(parts[1], 16 - gcp.Length) ? Key("402/", gcp + parts[1]) : null,
            "id:giai" => parts.Length >= 2 && UrnText.IsValid(string.Join('.', parts[1..]), 30 - gcp.Length)
                ? Host + "8004/" + gcp + UrnText.ToDigitalLink(string.Join('.', parts[1..])) : null,
            "id:ginc" => parts.Length >= 2 && UrnText.IsValid(string.Join('.', parts[1..]), 30 - gcp.Length)
                ? Host + "401/" + gcp + UrnText.ToDigitalLink(string.Join('.', parts[1..])) : null,
            "id:cpi" => Cpi(urn[(colon + 1)..], gcp, pattern: false),
            "idpat:cpi" => Cpi(urn[(colon + 1)..], gcp, pattern: true),
            "id:itip" => Itip(gcp, parts, pattern: false),
            "idpat:itip" => Itip(gcp, parts, pattern: true),
            _ => null,
        };
    }

    // GTIN-14 without its check digit: the indicator digit (first of the item reference), the prefix, the rest.
    private static string? Gtin(string gcp, string[] parts) =>
        Digits(parts[1], 13 - gcp.Length) ? parts[1][..1] + gcp + parts[1][1..] : null;

    // A key of <paramref name="total"/> digits: prefix + reference, optionally after a filler (GRAI's leading 0).
    private static string? Reference(string gcp, string[] parts, int total, string filler = "") =>
        Digits(parts[1], total - gcp.Length) ? filler + gcp + parts[1] : null;

    private static string? Key(string ai, string? digits) => digits is null ? null : Host + ai + Gs1CheckDigit.Append(digits);

    private static string? Serialised(string ai, string? digits, string[] parts, string qualifier, int maxSerial) =>
        digits is not null && parts.Length == 3 && UrnText.IsValid(parts[2], maxSerial)
            ? Key(ai, digits) + qualifier + UrnText.ToDigitalLink(parts[2])
            : null;

    private static bool Pattern(string[] parts, int starAt) => parts.Length == starAt + 1 && parts[starAt] == "*";

    private static string? Sgln(string gcp, string[] parts)
    {
        if (parts.Length != 3 || !Digits(parts[1], 12 - gcp.Length) || !UrnText.IsValid(parts[2], 20))
        {
            return null;
        }
        var gln = Key("414/", gcp + parts[1]);
        // Extension 0 means "no extension": the GLN alone names the place.
        return parts[2] == "0" ? gln : gln + "/254/" + UrnText.ToDigitalLink(parts[2]);
    }

    private static string? Cpi(string body, string gcp, bool pattern)
    {
        var last = body.LastIndexOf('.');
        if (last <= gcp.Length)
        {
            return null;
        }
        var reference = body[(gcp.Length + 1)..last];
        var serial = body[(last + 1)..];
        if (reference.Length == 0 || reference.Contains('.') || !UrnText.IsValid(reference, 30 - gcp.Length))
        {
            return null;
        }
        var cpid = Host + "8010/" + UrnText.ToDigitalLink(gcp + reference);
        if (pattern)
        {
            return serial == "*" ? cpid : null;
        }
        return serial.Length is >= 1 and <= 12 && AllDigits(serial) ? cpid + "/8011/" + serial : null;
    }

    private static string? Itip(string gcp, string[] parts, bool pattern)
    {
        if (parts.Length != 5 || !Digits(parts[2], 2) || !Digits(parts[3], 2))
        {
            return null;
        }
        var itip = Key("8006/", Gtin(gcp, parts)) is { } gtin ? gtin + parts[2] + parts[3] : null;
        if (itip is null)
        {
            return null;
        }
        if (pattern)
        {
            return parts[4] == "*" ? itip : null;
        }
        return UrnText.IsValid(parts[4], 20) ? itip + "/21/" + UrnText.ToDigitalLink(parts[4]) : null;
    }

    private static bool Digits(string text, int length) => text.Length == length && AllDigits(text);

    private static bool AllDigits(ReadOnlySpan<char> text) => !text.ContainsAnyExceptInRange('0', '9');
}
