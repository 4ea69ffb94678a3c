namespace Ledger.Api.Community;

/// <summary>Registers the shared-community services: the time bank.</summary>
internal static class CommunityServiceExtensions
{
    public static IServiceCollection AddLedgerCommunity(this IServiceCollection services) => services
        .AddScoped<ServiceConfirmations>()
        .AddScoped<HoursTransfers>()
        .AddScoped<TimebankAccounts>();
}
