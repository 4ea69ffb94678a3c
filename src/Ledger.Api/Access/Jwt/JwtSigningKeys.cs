using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Ledger.Api.Access.Jwt;

/// <summary>
/// Reads the keys an operator configures (<c>Auth:Jwt:SigningKeys</c>) in the forms operators have at hand; the
/// options validator parses them at start, so a key that cannot be read stops the service.
/// </summary>
public static class JwtSigningKeys
{
    /// <summary>The keys in one configured entry, or an exception whose message names the problem (never the key).</summary>
    public static IEnumerable<SecurityKey> Parse(string text)
    {
        text = text.Trim();
        if (text.StartsWith("-----BEGIN", StringComparison.Ordinal))
        {
            return [Pem(text)];
        }
        if (text.StartsWith('{'))
        {
            var keys = text.Contains("\"keys\"", StringComparison.Ordinal) ? new JsonWebKeySet(text).GetSigningKeys() : [new JsonWebKey(text)];
            // A set whose keys are all unusable (e.g. symmetric ones, which JWK sets do not yield) would turn tokens off silently.
            return keys.Count > 0 ? keys : throw new FormatException("The JWK set holds no usable RSA or EC signing key.");
        }
        byte[] bytes;
        try
        {
            bytes = Base64UrlEncoder.DecodeBytes(text.TrimEnd('=').Replace('+', '-').Replace('/', '_'));
        }
        catch (FormatException)
        {
            throw new FormatException("A signing key is neither PEM, JSON (JWK) nor base64.");
        }
        return bytes.Length >= 32
            ? [new SymmetricSecurityKey(bytes)]
            : throw new FormatException("A symmetric signing key needs at least 32 bytes (256 bits).");
    }

    // The key objects live as long as the service: they are never disposed.
    private static SecurityKey Pem(string pem)
    {
        try
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            return new RsaSecurityKey(rsa);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            try
            {
                var ec = ECDsa.Create();
                ec.ImportFromPem(pem);
                return new ECDsaSecurityKey(ec);
            }
            catch (Exception inner) when (inner is ArgumentException or CryptographicException)
            {
                throw new FormatException("A PEM signing key is neither an RSA nor an EC public key.");
            }
        }
    }
}
