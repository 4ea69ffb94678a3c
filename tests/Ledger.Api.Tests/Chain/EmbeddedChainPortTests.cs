using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Ledger.Api.Chain;
using Ledger.Api.Tests.Security;
using Ledger.Chain.Embedded;
using Microsoft.Extensions.Logging;

namespace Ledger.Api.Tests.Chain;

/// <summary>The embedded chain keeps its port (and so its URL) from one run to the next unless it cannot.</summary>
public sealed class EmbeddedChainPortTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("ledger-port-").FullName;
    private readonly CapturedLogs _logs = new();

    public void Dispose() => Directory.Delete(_data, recursive: true);

    private string PortFile => Path.Combine(_data, EmbeddedChainPort.FileName);

    private EmbeddedChainPort Port(int configured = 0) =>
        new(PortFile, configured, new LoggerFactory([_logs]).CreateLogger("port"));

    [Fact]
    public void TheRememberedPortIsUsedAgainWhileItIsFree()
    {
        var remembered = LoopbackPort.PickFree();
        Port().Remember(remembered);

        Assert.Equal(remembered, Port().Choose());
        Assert.Empty(_logs.Lines);
    }

    [Fact]
    public void ATakenRememberedPortIsReplacedByAFreeOneWithAWarningNamingBoth()
    {
        using var squatter = new TcpListener(IPAddress.Loopback, 0);
        squatter.Start();
        var taken = ((IPEndPoint)squatter.LocalEndpoint).Port;
        Port().Remember(taken);

        var chosen = Port().Choose();

        Assert.NotEqual(taken, chosen);
        Assert.True(LoopbackPort.IsFree(chosen));
        var warning = Assert.Single(_logs.Lines);
        Assert.StartsWith("Warning ", warning);
        Assert.Contains($"Port {taken} of the embedded chain is taken by another program; the chain now listens on port {chosen}", warning);
    }

    [Fact]
    public void AConfiguredPortWinsOverTheRememberedOne()
    {
        Port().Remember(LoopbackPort.PickFree());
        var configured = LoopbackPort.PickFree();

        Assert.Equal(configured, Port(configured).Choose());
    }

    [Fact]
    public void TheFirstRunPicksAFreePort() => Assert.True(LoopbackPort.IsFree(Port().Choose()));

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void ThePortIsRememberedInAFileOnlyItsOwnerCanRead()
    {
        Port().Remember(41233);

        Assert.Equal("41233", File.ReadAllText(PortFile));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(PortFile));
    }

    [Fact]
    public async Task TheServiceServesTheSameChainOnTheSamePortAfterARestart()
    {
        var first = new LedgerApiFactory(_data);
        Uri before;
        try
        {
            before = (await first.ChainAsync()).RpcUrl;
        }
        finally
        {
            await first.DisposeAsync();
        }

        await using var second = new LedgerApiFactory(_data);
        var after = await second.ChainAsync();

        Assert.Equal(before, after.RpcUrl);
        Assert.Equal(before.Port.ToString(CultureInfo.InvariantCulture), File.ReadAllText(PortFile));
    }
}
