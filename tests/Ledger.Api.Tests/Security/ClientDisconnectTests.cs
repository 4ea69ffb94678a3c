using System.Net;
using System.Net.Sockets;
using System.Text;
using Ledger.Api.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Ledger.Api.Tests.Security;

/// <summary>
/// A client that goes away in the middle of its body is the client's business, not a failure of ours: the log says
/// so in one line, below warning, with no stack trace, and nothing is stored. Real sockets against Kestrel: the
/// in-memory test server cannot close a connection half-way through a body.
/// </summary>
public sealed class ClientDisconnectTests : IAsyncLifetime
{
    private const int Attempts = 8;
    private readonly CapturedLogs _logs = new();
    private readonly int _port = FreePort();
    private readonly LedgerApiFactory _factory;

    public ClientDisconnectTests()
    {
        _factory = new LedgerApiFactory(settings: new Dictionary<string, string?>
        {
            ["Urls"] = $"http://127.0.0.1:{_port}",
            ["Logging:LogLevel:Default"] = "Debug",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Debug",
        })
        {
            ConfigureServices = services => services.AddSingleton<ILoggerProvider>(_logs),
        };
        _factory.UseKestrel();
    }

    [Fact]
    public async Task ClientsThatCloseMidBodyAreLoggedBelowWarningWithoutAStackTraceAndStoreNothing()
    {
        var before = await _factory.QueryAsync(db => db.Records.CountAsync());
        var logged = _logs.Lines.Count;

        // Several times: whether the server notices the abort before or after the body read fails is a race, and
        // both ways must end quietly.
        for (var i = 0; i < Attempts; i++)
        {
            await DisconnectMidBodyAsync();
        }

        var lines = _logs.Lines.Skip(logged).ToList();
        var log = string.Join("\n", lines);
        Assert.False(lines.Any(l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal)
            || l.StartsWith("Warning", StringComparison.Ordinal)), log);
        // Kestrel's own Debug diagnostics carry exceptions by design (and are off by default); nothing above may.
        Assert.False(lines.Any(l => !l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("   at ", StringComparison.Ordinal)), log);
        // Each cut-short request is noted once, below warning: by us, or by the framework when it saw the abort first.
        Assert.Equal(Attempts, lines.Count(l => (l.StartsWith("Information", StringComparison.Ordinal) && l.Contains("went away mid-body", StringComparison.Ordinal))
            || (l.StartsWith("Debug", StringComparison.Ordinal) && l.Contains("The request was aborted by the client", StringComparison.Ordinal))));
        Assert.Equal(before, await _factory.QueryAsync(db => db.Records.CountAsync()));
    }

    public async Task InitializeAsync()
    {
        _factory.StartServer();
        await _factory.ChainAsync();
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        _factory.DeleteData();
    }

    // Sends the head and 40 of 4,000 promised body bytes, waits until the endpoint is reading the body, then closes
    // its side, as a client that dies mid-upload; returns once Kestrel has closed the connection (its last log line).
    private async Task DisconnectMidBodyAsync()
    {
        var from = _logs.Lines.Count;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPAddress.Loopback, _port);
        var head = "POST /api/v1/records HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
            $"X-Api-Key: {_factory.KeyFor(Roles.Inspector)}\r\nContent-Length: 4000\r\n\r\n{{\"domain\":\"food-safety\",\"type\":";
        await socket.SendAsync(Encoding.ASCII.GetBytes(head));
        await WaitForLogAsync(from, "started reading request body");
        socket.Shutdown(SocketShutdown.Send);
        await DrainAsync(socket);
        await WaitForLogAsync(from, "\" stopped.");
    }

    private async Task WaitForLogAsync(int from, string text)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!_logs.Lines.Skip(from).Any(l => l.Contains(text, StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }
    }

    // Reads whatever the server says until it closes the connection, or resets it.
    private static async Task DrainAsync(Socket socket)
    {
        var buffer = new byte[4096];
        try
        {
            while (await socket.ReceiveAsync(buffer) > 0)
            {
            }
        }
        catch (SocketException)
        {
            // A reset is as good as a close here.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
