namespace Ledger.Api.Epcis;

/// <summary>Registers EPCIS capture and query.</summary>
internal static class EpcisServiceExtensions
{
    public static IServiceCollection AddLedgerEpcis(this IServiceCollection services)
    {
        services.AddScoped<EpcisCapture>();
        services.AddScoped<CapturedEventSealing>();
        services.AddSingleton<EpcisCaptureQueue>();
        services.AddHostedService(sp => sp.GetRequiredService<EpcisCaptureQueue>());
        return services;
    }

    public static IEndpointRouteBuilder MapEpcisApi(this IEndpointRouteBuilder app)
    {
        app.MapEpcisCaptureApi();
        app.MapEpcisEventsApi();
        return app;
    }
}
