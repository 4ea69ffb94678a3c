using Microsoft.Extensions.Options;

namespace Ledger.Api.Access.Jwt;

/// <summary>Refuses to start with a half-configured or unreadable bearer-token setup, naming the setting.</summary>
internal sealed class JwtOptionsValidator : IValidateOptions<JwtOptions>
{
    private const string S = JwtOptions.Section;

    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            problems.Add($"{S}:Audience is required when {S}:Issuer is set.");
        }
        if (options.SigningKeys.Count == 0 && !options.UsesMetadata)
        {
            problems.Add($"{S}:SigningKeys needs at least one key, or {S}:Authority or {S}:MetadataAddress an identity provider that publishes them, when {S}:Issuer is set.");
        }
        for (var i = 0; i < options.SigningKeys.Count; i++)
        {
            try
            {
                _ = JwtSigningKeys.Parse(options.SigningKeys[i]).ToList();
            }
            catch (Exception e) when (e is FormatException or ArgumentException or System.Text.Json.JsonException or System.Security.Cryptography.CryptographicException)
            {
                problems.Add($"{S}:SigningKeys:{i}: {e.Message}");
            }
        }
        CheckMetadataAddress(problems, "Authority", options.Authority, options.RequireHttpsMetadata);
        CheckMetadataAddress(problems, "MetadataAddress", options.MetadataAddress, options.RequireHttpsMetadata);
        if (options.ClockSkew < TimeSpan.Zero)
        {
            problems.Add($"{S}:ClockSkew must not be negative.");
        }
        foreach (var (from, to) in options.RoleMap)
        {
            if (!Roles.IsKnown(to))
            {
                problems.Add($"{S}:RoleMap:{from} maps to '{to}', which is not a ledger role ({string.Join(", ", Roles.All)}).");
            }
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    // Checked here so a bad address stops start-up; the library would only throw at the first bearer request.
    private static void CheckMetadataAddress(List<string> problems, string setting, string? address, bool requireHttps)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return;
        }
        if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{S}:{setting} must be an absolute https address.");
        }
        else if (uri.Scheme != Uri.UriSchemeHttps && requireHttps)
        {
            problems.Add($"{S}:{setting} must use https; set {S}:RequireHttpsMetadata to false only for local testing.");
        }
    }
}
