using Ledger.Chain.Embedded;

namespace Ledger.Api.Chain;

/// <summary>
/// Chooses the embedded node's port: <c>Chain:EmbeddedPort</c> when set; otherwise the port the data folder's node
/// used last (<c>anvil.port</c>), so the chain keeps its URL across runs and restarts; a free one on the first run, or
/// when another program has taken the remembered port (logged, naming both ports).
/// </summary>
internal sealed class EmbeddedChainPort(string portFile, int configuredPort, ILogger log)
{
    /// <summary>The file in the data folder that remembers the port.</summary>
    public const string FileName = "anvil.port";

    /// <summary>The port to start the node on.</summary>
    public int Choose()
    {
        if (configuredPort != 0)
        {
            return configuredPort;
        }
        if (AnvilPortFile.Read(portFile) is not { } remembered)
        {
            return LoopbackPort.PickFree();
        }
        if (LoopbackPort.IsFree(remembered))
        {
            return remembered;
        }
        var port = LoopbackPort.PickFree();
        log.LogWarning(
            "Port {OldPort} of the embedded chain is taken by another program; the chain now listens on port {NewPort}. Clients and saved --rpc URLs must use the new port.",
            remembered, port);
        return port;
    }

    /// <summary>Remembers the port the node started on, for the next start.</summary>
    public void Remember(int port) => AnvilPortFile.Write(portFile, port);
}
