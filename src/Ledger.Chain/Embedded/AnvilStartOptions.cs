namespace Ledger.Chain.Embedded;

/// <summary>How to start an embedded anvil node.</summary>
public sealed record AnvilStartOptions
{
    /// <summary>The anvil executable (from the @foundry-rs/anvil npm package); start it directly, never through npx.</summary>
    public required string BinaryPath { get; init; }

    /// <summary>The interface to listen on; keep it on loopback unless the node must be shared.</summary>
    public string Host { get; init; } = "127.0.0.1";

    /// <summary>The port; 0 picks a free loopback port.</summary>
    public int Port { get; init; }

    /// <summary>When set, anvil loads the chain from this file at start and dumps it there on SIGTERM and periodically.</summary>
    public string? StateFile { get; init; }

    /// <summary>Seconds between periodic state dumps, so a SIGKILL loses at most this much.</summary>
    public int StateIntervalSeconds { get; init; } = 5;

    /// <summary>The chain id anvil reports.</summary>
    public ulong ChainId { get; init; } = 31337;

    /// <summary>Interval mining every so many seconds; null mines each transaction as it arrives.</summary>
    public double? BlockTimeSeconds { get; init; }

    /// <summary>How long to wait for eth_chainId to answer after starting.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <see cref="AnvilProcess.StopAsync"/> waits after SIGTERM before it kills the process.</summary>
    public TimeSpan StopTimeout { get; init; } = TimeSpan.FromSeconds(15);
}
