namespace Ledger.Api.Chain;

/// <summary>
/// How an RPC URL may be shown in logs and on screen: scheme, host and port only. Hosted providers put API keys in the
/// user info, path or query (e.g. <c>/v3/&lt;key&gt;</c>), so all of those are cut.
/// </summary>
public static class RpcDisplay
{
    /// <summary>The URL without user info, path or query.</summary>
    public static string Of(Uri rpcUrl) => $"{rpcUrl.Scheme}://{rpcUrl.Authority}/";
}
