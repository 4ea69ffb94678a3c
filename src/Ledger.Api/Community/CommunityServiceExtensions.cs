using Ledger.Api.Settings;

namespace Ledger.Api.Community;

/// <summary>Registers the shared-community services: the time bank, the fund, resident decisions and objections.</summary>
internal static class CommunityServiceExtensions
{
    public static IServiceCollection AddLedgerCommunity(this IServiceCollection services)
    {
        services.AddOptions<CommunityOptions>().BindSettings(CommunityOptions.Section);
        return services
            .AddScoped<ServiceConfirmations>()
            .AddScoped<HoursTransfers>()
            .AddScoped<TimebankAccounts>()
            .AddScoped<VolunteerSelfCheck>()
            .AddScoped<RevocationReversals>()
            .AddScoped<FundExpenses>()
            .AddScoped<FundLedger>()
            .AddScoped<ResidentVoting>()
            .AddScoped<Objections>()
            .AddScoped<CommunityBoard>();
    }
}
