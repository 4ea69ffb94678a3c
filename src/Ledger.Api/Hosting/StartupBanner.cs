using Ledger.Api.Access;
using Ledger.Api.Chain;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Ledger.Api.Hosting;

/// <summary>
/// Prints where everything is once the service listens: the API, the chain, the contract and, in embedded mode,
/// one API key per role. Written to standard output, not to the logs, so keys never reach a log sink.
/// </summary>
internal sealed class StartupBanner(IServer server, ChainRuntime runtime, EmbeddedKeys embeddedKeys, IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = PrintAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task PrintAsync(CancellationToken ct)
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var api = addresses.FirstOrDefault() ?? "(unknown address)";
        var lines = new List<string>
        {
            "",
            "Ledger is running.",
            $"  API:       {api}   (Swagger UI: {api}/swagger)",
        };
        var chain = runtime.Current;
        if (chain is null)
        {
            lines.Add($"  Chain:     not connected yet ({runtime.Problem}); records are accepted and anchored once it is.");
        }
        else
        {
            lines.Add($"  Chain:     {RpcDisplay.Of(chain.RpcUrl)}  (chain id {chain.ChainId}{(chain.Embedded ? ", embedded anvil" : "")})");
            lines.Add($"  Contract:  {chain.Contract.Address}");
        }
        if (chain?.Embedded == true)
        {
            var keys = await embeddedKeys.EnsureAsync(ct);
            lines.Add($"  API keys for this embedded instance (send as X-Api-Key), in Xihu district ({EmbeddedOrganisations.HomeArea}):");
            foreach (var role in Roles.All)
            {
                lines.Add($"    {role,-20} {keys[role]}");
            }
            lines.Add("  A judicial office below the Xihu bureau (the bureau's correction officers may revoke and correct its records):");
            lines.Add($"    {Roles.CorrectionOfficer,-20} {keys[EmbeddedKeys.OfficeOfficerKeyName]}");
            lines.Add($"  The same roles in Binjiang district ({EmbeddedOrganisations.NeighbourArea}), another jurisdiction:");
            foreach (var (name, role, _) in EmbeddedKeys.Printed.Where(k => k.Name.StartsWith(EmbeddedKeys.NeighbourKeyName(""), StringComparison.Ordinal)))
            {
                lines.Add($"    {role,-20} {keys[name]}");
            }
        }
        lines.Add("");
        await Console.Out.WriteLineAsync(string.Join(Environment.NewLine, lines));
        await Console.Out.FlushAsync(ct);
    }
}
