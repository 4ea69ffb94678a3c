namespace Ledger.Api.Erasure;

/// <summary>Registers subject erasure.</summary>
internal static class ErasureServiceExtensions
{
    public static IServiceCollection AddLedgerErasure(this IServiceCollection services) => services.AddScoped<SubjectErasure>();
}
