using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Ledger.Api.Access;

namespace Ledger.Api.Tests.Hosting;

/// <summary>The service as users run it: a real process on embedded defaults, driven only by what it prints.</summary>
public sealed class RunningServiceTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task TheServicePrintsItsAddressesAndAKeyPerRoleThatWorksAndStopsItsChainOnSigterm()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("ledger-service-").FullName;
        try
        {
            await using var service = await ServiceProcess.StartAsync(dataDirectory, StartTimeout);
            var rpc = new Uri(service.BannerValue("Chain:"));
            Assert.Matches("^0x[0-9a-fA-F]{40}$", service.BannerValue("Contract:"));
            Assert.Contains(service.BaseAddress.ToString().TrimEnd('/'), service.BannerValue("API:"));
            foreach (var role in Roles.All)
            {
                Assert.StartsWith("ldg_", service.BannerValue(role));
            }

            using var client = new HttpClient { BaseAddress = service.BaseAddress };
            client.DefaultRequestHeaders.Add("X-Api-Key", service.BannerValue(Roles.Inspector));
            var response = await client.PostAsJsonAsync("/api/v1/records", Samples.Inspection());
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

            await service.TerminateAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(0, service.ExitCode);
            Assert.True(File.Exists(Path.Combine(dataDirectory, "anvil-state.json")));
            using var probe = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync(rpc.Host, rpc.Port));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
