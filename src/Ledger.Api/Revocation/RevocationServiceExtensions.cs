namespace Ledger.Api.Revocation;

/// <summary>Registers record revocation.</summary>
internal static class RevocationServiceExtensions
{
    public static IServiceCollection AddLedgerRevocation(this IServiceCollection services) => services.AddScoped<RecordRevocations>();
}
