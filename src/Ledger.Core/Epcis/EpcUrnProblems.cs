using System.Globalization;

namespace Ledger.Core.Epcis;

/// <summary>
/// Says why an EPC URN of a GS1 key is not well formed, in words a sender can act on: an unknown scheme, a company
/// prefix of the wrong length, a key whose digits do not add up, a serial too long. <see cref="EpcUrn"/> decides;
/// this only explains its refusals, part by part, from the Tag Data Standard's layout of each scheme.
/// </summary>
internal static class EpcUrnProblems
{
    private enum Kind
    {
        Digits,     // digits that, with the company prefix, make Size digits
        Fixed,      // exactly Size digits
        Text,       // 1 to Size URN characters
        TextWithPrefix, // 1 to (Size - prefix length) URN characters: a reference whose length counts the prefix
        Serial,     // 1 to Size digits
        Star,       // the pattern's "*"
    }

    private sealed record Part(string Name, Kind Kind, int Size, string Note = "");

    private static readonly Part Gtin = new("indicator digit and item reference", Kind.Digits, 13, " (a GTIN-14 less its check digit)");
    private static readonly Part Star = new("last part of a pattern", Kind.Star, 1);

    private static readonly Dictionary<string, Part[]> Layouts = new(StringComparer.Ordinal)
    {
        ["id:sgtin"] = [Gtin, new("serial", Kind.Text, 20)],
        ["id:upui"] = [Gtin, new("third-party controlled serial", Kind.Text, 28)],
        ["id:sscc"] = [new("extension digit and serial reference", Kind.Digits, 17, " (an SSCC's 18 less its check digit)")],
        ["id:sgln"] = [Location(), new("extension", Kind.Text, 20)],
        ["id:pgln"] = [new("party reference", Kind.Digits, 12, " (a GLN's 13 less its check digit)")],
        ["id:grai"] = [new("asset type", Kind.Digits, 12, " (a GRAI's 13 less its filler and check digit)"), new("serial", Kind.Text, 16)],
        ["id:giai"] = [new("individual asset reference", Kind.TextWithPrefix, 30)],
        ["id:gsrn"] = [new("service reference", Kind.Digits, 17, " (a GSRN's 18 less its check digit)")],
        ["id:gsrnp"] = [new("service reference", Kind.Digits, 17, " (a GSRNP's 18 less its check digit)")],
        ["id:gdti"] = [Document(), new("serial", Kind.Text, 17)],
        ["id:cpi"] = [new("component/part reference", Kind.TextWithPrefix, 30), new("serial", Kind.Serial, 12)],
        ["id:sgcn"] = [Coupon(), new("serial", Kind.Serial, 12)],
        ["id:ginc"] = [new("consignment reference", Kind.TextWithPrefix, 30)],
        ["id:gsin"] = [new("shipper reference", Kind.Digits, 16, " (a GSIN's 17 less its check digit)")],
        ["id:itip"] = [Gtin, new("piece number", Kind.Fixed, 2), new("total count", Kind.Fixed, 2), new("serial", Kind.Text, 20)],
        ["class:lgtin"] = [Gtin, new("lot", Kind.Text, 20)],
        ["idpat:sgtin"] = [Gtin, Star],
        ["idpat:upui"] = [Gtin, Star],
        ["idpat:grai"] = [new("asset type", Kind.Digits, 12, " (a GRAI's 13 less its filler and check digit)"), Star],
        ["idpat:gdti"] = [Document(), Star],
        ["idpat:sgcn"] = [Coupon(), Star],
        ["idpat:cpi"] = [new("component/part reference", Kind.TextWithPrefix, 30), Star],
        ["idpat:itip"] = [Gtin, new("piece number", Kind.Fixed, 2), new("total count", Kind.Fixed, 2), Star],
    };

    /// <summary>Why <paramref name="urn"/> (a value starting <c>urn:epc:id:</c>, <c>class:</c> or <c>idpat:</c> in any case) is not a well-formed GS1 key.</summary>
    public static string Explain(string urn)
    {
        var kindEnd = urn.IndexOf(':', 8);
        var kind = urn[8..kindEnd];
        if (!urn.StartsWith("urn:epc:", StringComparison.Ordinal) || kind is not ("id" or "class" or "idpat"))
        {
            return $"an EPC URN begins urn:epc:{kind.ToLowerInvariant()}: in lower case, as the Tag Data Standard writes it";
        }
        var schemeEnd = urn.IndexOf(':', kindEnd + 1);
        var scheme = schemeEnd < 0 ? urn[(kindEnd + 1)..] : urn[(kindEnd + 1)..schemeEnd];
        if (!Layouts.TryGetValue($"{kind}:{scheme}", out var layout))
        {
            var known = Layouts.Keys.Where(k => k.StartsWith(kind + ":", StringComparison.Ordinal)).Select(k => k[(kind.Length + 1)..]);
            var lower = scheme.ToLowerInvariant();
            return Layouts.ContainsKey($"{kind}:{lower}")
                ? $"write the scheme in lower case: urn:epc:{kind}:{lower}:"
                : $"\"{scheme}\" is not an EPC scheme of a GS1 key under urn:epc:{kind}: (it takes {string.Join(", ", known)})";
        }
        var shape = $"urn:epc:{kind}:{scheme}:{{company prefix}}.{string.Join(".", layout.Select(p => p.Kind == Kind.Star ? "*" : $"{{{p.Name}}}"))}";
        return schemeEnd < 0 ? $"has no body; the form is {shape}" : Body(urn[(schemeEnd + 1)..], layout, shape);
    }

    private static string Body(string body, Part[] layout, string shape)
    {
        // The last part may hold dots when it is text (a serial, a lot, an asset reference); otherwise every dot separates.
        var textLast = layout[^1].Kind is Kind.Text or Kind.TextWithPrefix;
        var parts = textLast ? body.Split('.', layout.Length + 1) : body.Split('.');
        if (parts.Length != layout.Length + 1)
        {
            return $"has {parts.Length} part{(parts.Length == 1 ? "" : "s")} separated by dots where {layout.Length + 1} are needed: {shape}";
        }
        var prefix = parts[0];
        if (prefix.Length is < 6 or > 12 || !AllDigits(prefix))
        {
            return $"the GS1 company prefix \"{prefix}\" (before the first dot) must be 6 to 12 digits; the form is {shape}";
        }
        for (var i = 0; i < layout.Length; i++)
        {
            if (PartProblem(layout[i], parts[i + 1], prefix.Length) is { } problem)
            {
                return problem;
            }
        }
        return $"is not a well-formed EPC URN of this scheme: {shape}";
    }

    private static string? PartProblem(Part part, string value, int prefixLength)
    {
        var named = $"the {part.Name} \"{value}\"";
        return part.Kind switch
        {
            Kind.Digits when !AllDigits(value) || value.Length == 0 => $"{named} must be digits",
            Kind.Digits when prefixLength + value.Length != part.Size =>
                $"the company prefix and the {part.Name} must be {part.Size} digits together{part.Note}; here they are {prefixLength} + {value.Length} = {Number(prefixLength + value.Length)}",
            Kind.Fixed when value.Length != part.Size || !AllDigits(value) => $"{named} must be {part.Size} digits",
            Kind.Serial when value.Length is < 1 || value.Length > part.Size || !AllDigits(value) => $"{named} must be 1 to {part.Size} digits",
            Kind.Text => UrnText.Problem(value, part.Size) is { } p ? $"{named} {p}" : null,
            Kind.TextWithPrefix => UrnText.Problem(value, part.Size - prefixLength) is { } p ? $"{named} {p} (with this company prefix; the two together at most {part.Size})" : null,
            Kind.Star when value != "*" => $"a pattern ends in \"*\" (every serial), not \"{value}\"",
            _ => null,
        };
    }

    private static Part Location() => new("location reference", Kind.Digits, 12, " (a GLN's 13 less its check digit)");

    private static Part Document() => new("document type", Kind.Digits, 12, " (a GDTI's 13 less its check digit)");

    private static Part Coupon() => new("coupon reference", Kind.Digits, 12, " (a GCN's 13 less its check digit)");

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static bool AllDigits(string text) => !text.AsSpan().ContainsAnyExceptInRange('0', '9');
}
