using Ledger.Api.Chain;
using Microsoft.Extensions.Options;

namespace Ledger.Api.PublicPages;

/// <summary>What a visitor's browser needs to check a proof against the chain itself: a node to ask, and what to expect of it.</summary>
/// <param name="RpcUrl">The JSON-RPC URL the browser calls; null when none is published (the chain is then not checked in the browser).</param>
/// <param name="ChainId">The chain's id, once known.</param>
/// <param name="Contract">The ledger's published LedgerAnchor address: a proof naming any other contract fails.</param>
/// <param name="ChainName">The chain's name in the page's sentences.</param>
internal sealed record PublicChainView(Uri? RpcUrl, ulong? ChainId, string? Contract, string? ChainName)
{
    /// <summary>The origin (scheme, host, port) the page's policy lets the browser connect to besides this service.</summary>
    public string? RpcOrigin => RpcUrl?.GetLeftPart(UriPartial.Authority);
}

/// <summary>Reads the public chain view afresh per request: the embedded node can come back on another port after a crash.</summary>
internal sealed class PublicChain(ChainRuntime runtime, IOptions<ChainOptions> options)
{
    public PublicChainView Current()
    {
        var settings = options.Value;
        var chain = runtime.Current;
        var rpc = !string.IsNullOrWhiteSpace(settings.PublicRpcUrl) ? new Uri(settings.PublicRpcUrl)
            : chain is { Embedded: true } ? chain.RpcUrl
            : null;
        var chainId = chain?.ChainId ?? settings.ChainId;
        return new PublicChainView(rpc, chainId, chain?.Contract.Address ?? settings.ContractAddress, NameOf(chainId));
    }

    // Names people may recognise; anything else is "chain N".
    private static string? NameOf(ulong? chainId) => chainId switch
    {
        1 => "Ethereum",
        11155111 => "Sepolia",
        17000 => "Holesky",
        31337 => "Anvil",
        _ => null,
    };
}
