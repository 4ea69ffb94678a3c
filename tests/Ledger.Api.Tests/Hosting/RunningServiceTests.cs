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

            // The keys of another jurisdiction are printed too, and act for the Binjiang organisations.
            var neighbours = service.Output[service.Output.IndexOf("Binjiang district (330108)", StringComparison.Ordinal)..];
            var neighbourKey = System.Text.RegularExpressions.Regex.Match(neighbours, @"^\s+correction-officer\s+(ldg_\S+)", System.Text.RegularExpressions.RegexOptions.Multiline).Groups[1].Value;
            Assert.NotEqual(service.BannerValue(Roles.CorrectionOfficer), neighbourKey);
            using var neighbour = new HttpClient { BaseAddress = service.BaseAddress };
            neighbour.DefaultRequestHeaders.Add("X-Api-Key", neighbourKey);
            await Samples.EnsureCaseAsync(neighbour, Samples.CheckIn()["payload"]!["subjectRef"]!.GetValue<string>());
            var submitted = await neighbour.PostAsJsonAsync("/api/v1/records", Samples.CheckIn());
            Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
            var checkIn = await submitted.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
            using var home = new HttpClient { BaseAddress = service.BaseAddress };
            home.DefaultRequestHeaders.Add("X-Api-Key", service.BannerValue(Roles.CorrectionOfficer));
            home.DefaultRequestHeaders.Add("X-Access-Purpose", "supervision");
            var read = await home.GetAsync($"/api/v1/records/{checkIn.GetProperty("id").GetString()}");
            Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);

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
