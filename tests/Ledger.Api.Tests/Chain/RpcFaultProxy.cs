using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Ledger.Api.Tests.Chain;

/// <summary>What <see cref="RpcFaultProxy"/> does to requests.</summary>
internal enum RpcFault
{
    /// <summary>Pass them to the node.</summary>
    None,
    /// <summary>Answer 503 with an HTML page, as a gateway does when the node behind it is down.</summary>
    ServerError,
    /// <summary>Answer every call with a JSON-RPC internal error, as an overloaded node does.</summary>
    JsonRpcError,
}

/// <summary>
/// Failure injection in front of a real node: an HTTP proxy whose faults the test switches on and off. The node
/// itself stays untouched, so what reaches it is exactly what the service sent.
/// </summary>
internal sealed class RpcFaultProxy : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _node = new();
    private readonly Uri _target;
    private readonly Task _serving;
    private int _requests;

    private RpcFaultProxy(Uri target, int port)
    {
        _target = target;
        Url = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(Url.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public RpcFault Fault { get; set; }

    /// <summary>How many requests reached the proxy, faulted or not.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static RpcFaultProxy Start(Uri node)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new RpcFaultProxy(node, port);
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            _ = Task.Run(() => AnswerAsync(context));
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        Interlocked.Increment(ref _requests);
        using var reader = new StreamReader(context.Request.InputStream);
        var request = await reader.ReadToEndAsync();
        var (status, type, body) = Fault switch
        {
            RpcFault.ServerError => (503, "text/html", "<html><body>503 Service Temporarily Unavailable</body></html>"),
            RpcFault.JsonRpcError => (200, "application/json", """{"jsonrpc":"2.0","id":1,"error":{"code":-32603,"message":"internal error: backend overloaded"}}"""),
            _ => await ForwardAsync(request),
        };
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        context.Response.ContentLength64 = bytes.Length;
        try
        {
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (HttpListenerException)
        {
            // The service gave up on this request (its own timeout); nothing to answer.
        }
    }

    private async Task<(int, string, string)> ForwardAsync(string request)
    {
        using var response = await _node.PostAsync(_target, new StringContent(request, Encoding.UTF8, "application/json"));
        return ((int)response.StatusCode, "application/json", await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _serving;
        _node.Dispose();
    }
}
