using System.ComponentModel.DataAnnotations;

namespace Ledger.Api.PublicPages;

/// <summary>How the public pages name themselves to the outside world (configuration section <c>Public</c>).</summary>
public sealed class PublicOptions : IValidatableObject
{
    public const string Section = "Public";

    /// <summary>
    /// The absolute address the public reaches this service at (e.g. <c>https://ledger.example.gov.cn</c>); QR codes and
    /// receipts print <c>{BaseUrl}/v/{recordHash}</c>. Empty: the address the request came in on.
    /// </summary>
    public string? BaseUrl { get; set; }

    /// <summary>The base address without a trailing slash, or null when unset.</summary>
    public string? NormalizedBaseUrl => string.IsNullOrWhiteSpace(BaseUrl) ? null : BaseUrl.Trim().TrimEnd('/');

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (NormalizedBaseUrl is { } url && !IsPlainHttpUrl(url))
        {
            yield return new ValidationResult(
                "Public:BaseUrl must be an absolute http(s) URL without user name, query or fragment, e.g. https://ledger.example.gov.cn.",
                [nameof(BaseUrl)]);
        }
    }

    /// <summary>An absolute http(s) URL that carries nothing a printed QR code or a browser policy should not: no credentials, query or fragment.</summary>
    public static bool IsPlainHttpUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.UserInfo.Length == 0 && uri.Query.Length == 0 && uri.Fragment.Length == 0;
}
