namespace Ledger.Api.Issuers;

/// <summary>Registers the organisations' signing keys and record signing.</summary>
internal static class IssuersServiceExtensions
{
    public static IServiceCollection AddLedgerIssuers(this IServiceCollection services)
    {
        services.AddSingleton<IssuerKeys>();
        services.AddSingleton<IssuerSigning>();
        return services;
    }
}
