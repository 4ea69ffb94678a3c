using Ledger.Chain;

namespace Ledger.Api.Chain;

/// <summary>A chain the service is connected to: its client, the anchor contract and the one sender for our key.</summary>
public sealed record ConnectedChain(
    Uri RpcUrl,
    ulong ChainId,
    IChainClient Client,
    LedgerAnchorContract Contract,
    TransactionSender Sender,
    bool Embedded);
