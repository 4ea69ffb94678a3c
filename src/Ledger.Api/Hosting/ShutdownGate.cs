using Microsoft.Extensions.Options;

namespace Ledger.Api.Hosting;

/// <summary>
/// Graceful stop. When the host is told to stop (SIGTERM, Ctrl-C), the gate closes: every new request is answered 503
/// ProblemDetails with Retry-After for <see cref="HostingOptions.ShutdownDrain"/>, while requests already inside finish
/// and their records are committed. Then the server stops listening (waiting for requests in flight), the record writer
/// commits what is queued, and the anchoring worker stops between saved steps and gives up its lease: every batch is
/// left in a state the next start (or another instance) resumes from.
/// </summary>
internal sealed class ShutdownGate(IHostApplicationLifetime lifetime, IOptions<HostingOptions> options, ILogger<ShutdownGate> log) : IHostedLifecycleService
{
    /// <summary>Seconds a refused client is told to wait: long enough for a restart or for a balancer to move it on.</summary>
    public const int RetryAfterSeconds = 5;

    private int _closed;

    /// <summary>True once the service is stopping.</summary>
    public bool IsClosed => Volatile.Read(ref _closed) == 1;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStopping.Register(Close);
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        Close();
        // Cancelled when the host's shutdown timeout runs out: then stop at once.
        await Task.Delay(options.Value.ShutdownDrain, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            log.LogInformation("Stopping: new requests are answered 503 for {Drain}; requests in flight finish and queued records are committed.", options.Value.ShutdownDrain);
        }
    }

    /// <summary>Answers 503 with Retry-After while the gate is closed.</summary>
    public static IApplicationBuilder UseShutdownGate(IApplicationBuilder app)
    {
        var gate = app.ApplicationServices.GetRequiredService<ShutdownGate>();
        return app.Use(async (context, next) =>
        {
            if (!gate.IsClosed)
            {
                await next(context);
                return;
            }
            context.Response.Headers.Connection = "close";
            await RetryAfterProblem.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Service stopping",
                $"This instance is shutting down and took nothing from this request; retry in {RetryAfterSeconds} s.", RetryAfterSeconds);
        });
    }
}
