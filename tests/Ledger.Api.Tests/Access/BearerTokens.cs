using Ledger.Api.Access;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Ledger.Api.Tests.Access;

/// <summary>Tokens as an agency's identity provider issues them: an inspector of the Xihu market bureau unless told otherwise.</summary>
internal static class BearerTokens
{
    public const string Audience = "ledger-api";

    public static string Create(
        SigningCredentials credentials, string issuer, DateTimeOffset expires, DateTimeOffset? notBefore = null,
        string role = Roles.Inspector, string organisation = "demo-market-supervision-bureau") =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = Audience,
            IssuedAt = (notBefore ?? expires.AddMinutes(-20)).UtcDateTime,
            NotBefore = (notBefore ?? expires.AddMinutes(-20)).UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = new Dictionary<string, object> { ["sub"] = "staff-0017", ["role"] = role, ["org"] = organisation },
            SigningCredentials = credentials,
        });

    /// <summary>A client of <paramref name="factory"/> that sends <paramref name="token"/>.</summary>
    public static HttpClient ClientWith(LedgerApiFactory factory, string token)
    {
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
