using System.Net;
using System.Net.Sockets;

namespace Ledger.Chain.Embedded;

/// <summary>Ports on the loopback interface, for placing the embedded node.</summary>
public static class LoopbackPort
{
    /// <summary>A port nobody listens on now, chosen by the operating system.</summary>
    /// <remarks>Binding and releasing it leaves a small race with other processes; anvil's readiness check detects a lost race.</remarks>
    public static int PickFree()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>True when <paramref name="port"/> can be bound on 127.0.0.1 right now.</summary>
    public static bool IsFree(int port)
    {
        try
        {
            // .NET sets SO_REUSEADDR on Unix, as anvil does, so connections left in TIME_WAIT by a killed node do not count.
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
