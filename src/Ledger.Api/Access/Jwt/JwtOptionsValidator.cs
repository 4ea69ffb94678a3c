using Microsoft.Extensions.Options;

namespace Ledger.Api.Access.Jwt;

/// <summary>Refuses to start with a half-configured or unreadable bearer-token setup, naming the setting.</summary>
internal sealed class JwtOptionsValidator : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            problems.Add($"{JwtOptions.Section}:Audience is required when {JwtOptions.Section}:Issuer is set.");
        }
        if (options.SigningKeys.Count == 0)
        {
            problems.Add($"{JwtOptions.Section}:SigningKeys needs at least one key when {JwtOptions.Section}:Issuer is set.");
        }
        for (var i = 0; i < options.SigningKeys.Count; i++)
        {
            try
            {
                _ = JwtSigningKeys.Parse(options.SigningKeys[i]).ToList();
            }
            catch (Exception e) when (e is FormatException or ArgumentException or System.Text.Json.JsonException or System.Security.Cryptography.CryptographicException)
            {
                problems.Add($"{JwtOptions.Section}:SigningKeys:{i}: {e.Message}");
            }
        }
        foreach (var (from, to) in options.RoleMap)
        {
            if (!Roles.IsKnown(to))
            {
                problems.Add($"{JwtOptions.Section}:RoleMap:{from} maps to '{to}', which is not a ledger role ({string.Join(", ", Roles.All)}).");
            }
        }
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
