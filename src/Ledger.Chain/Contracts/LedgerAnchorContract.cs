using System.Numerics;
using Ledger.Chain.Abi;
using Ledger.Core.Encoding;

namespace Ledger.Chain;

/// <summary>Typed access to a deployed LedgerAnchor contract: deploy, anchor calldata, reads and event decoding.</summary>
public sealed class LedgerAnchorContract
{
    private readonly IChainClient _chain;

    /// <summary>Binds to the contract at <paramref name="address"/>; nothing is checked until a call (see <see cref="EnsureDeployedAsync"/>).</summary>
    public LedgerAnchorContract(IChainClient chain, string address)
    {
        ArgumentNullException.ThrowIfNull(chain);
        _chain = chain;
        Address = EthereumAddress.Normalize(address);
    }

    /// <summary>The creation bytecode from the embedded LedgerAnchor.json, 0x hex.</summary>
    public static string Bytecode => ContractArtifact.LedgerAnchor.Bytecode;

    /// <summary>The contract address (EIP-55).</summary>
    public string Address { get; }

    /// <summary>Creation calldata: the bytecode followed by the ABI-encoded (admin, anchorer, registrar).</summary>
    public static byte[] EncodeDeploy(string admin, string anchorer, string registrar) =>
        [.. Hex.Decode(Bytecode), .. AbiEncoder.Encode([.. LedgerAnchorAbi.ConstructorInputs.Select(p => p.Type)], [admin, anchorer, registrar])];

    /// <summary>
    /// Calldata for anchor(root, leafCount); with issuer key changes, a multicall that makes them first and then
    /// anchors, so the keys' validity starts (or ends) in the very block that anchors the batch.
    /// </summary>
    public static byte[] EncodeAnchor(byte[] root, ulong leafCount, IReadOnlyList<IssuerKeyChange>? keyChanges = null)
    {
        var anchor = LedgerAnchorAbi.Anchor.EncodeCall(Root(root), leafCount);
        if (keyChanges is not { Count: > 0 })
        {
            return anchor;
        }
        byte[][] calls = [.. keyChanges.Select(c => c.EncodeCall()), anchor];
        return LedgerAnchorAbi.Multicall.EncodeCall([calls]);
    }

    /// <summary>
    /// Deploys a new LedgerAnchor from <paramref name="sender"/>'s account and waits for it to be mined. The anchorer
    /// also receives the issuer registrar role: the service registers keys in the transactions that anchor batches.
    /// </summary>
    public static async Task<LedgerAnchorContract> DeployAsync(
        IChainClient chain, TransactionSender sender, string admin, string anchorer, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var receipt = await sender.SendAsync(null, EncodeDeploy(admin, anchorer, anchorer), timeout, ct);
        if (!receipt.Succeeded)
        {
            throw new ChainException(ChainErrorKind.Reverted, $"The LedgerAnchor deployment {receipt.TransactionHash} reverted.");
        }
        var address = receipt.ContractAddress
            ?? throw new ChainException(ChainErrorKind.RpcError, $"The receipt of deployment {receipt.TransactionHash} has no contract address.");
        return new LedgerAnchorContract(chain, address);
    }

    /// <summary>Sends anchor(root, leafCount) and returns the RootAnchored event it emitted.</summary>
    /// <exception cref="ChainException">Reverted (see <see cref="DescribeRevert"/>) or a send failure.</exception>
    public async Task<RootAnchoredEvent> AnchorAsync(TransactionSender sender, byte[] root, ulong leafCount, TimeSpan timeout, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sender);
        var receipt = await sender.SendAsync(Address, EncodeAnchor(root, leafCount), timeout, ct);
        if (!receipt.Succeeded)
        {
            throw new ChainException(ChainErrorKind.Reverted, $"Anchoring transaction {receipt.TransactionHash} was mined but reverted.");
        }
        return FindRootAnchored(receipt)
            ?? throw new ChainException(ChainErrorKind.RpcError, $"Transaction {receipt.TransactionHash} succeeded but emitted no RootAnchored from {Address}.");
    }

    /// <summary>Throws MissingContract when the address has no code (wrong address, wrong chain, or a reset dev chain).</summary>
    public async Task EnsureDeployedAsync(CancellationToken ct = default)
    {
        var code = await _chain.GetCodeAsync(Address, ct);
        if (code.Length == 0)
        {
            throw new ChainException(ChainErrorKind.MissingContract, $"No contract code at {Address}; check the address and the chain.");
        }
    }

    /// <summary>The block timestamp (Unix seconds) at which <paramref name="root"/> was anchored, or 0.</summary>
    /// <exception cref="ChainException">RpcError (wrapping a FormatException) when the answer is no timestamp at all.</exception>
    public async Task<long> AnchoredAtAsync(byte[] root, CancellationToken ct = default)
    {
        var value = (BigInteger)(await CallAsync(LedgerAnchorAbi.AnchoredAt, ct, Root(root)))[0]!;
        // A uint64 beyond long's range cannot come from a LedgerAnchor, only from some other contract at this address.
        return value <= long.MaxValue
            ? (long)value
            : throw new ChainException(ChainErrorKind.RpcError, $"anchoredAt at {Address} returned {value}, which is no block timestamp.",
                new FormatException("anchoredAt returned a value beyond any block timestamp."));
    }

    /// <summary>The batch id under which <paramref name="root"/> was anchored, or 0.</summary>
    public async Task<BigInteger> BatchOfAsync(byte[] root, CancellationToken ct = default) =>
        (BigInteger)(await CallAsync(LedgerAnchorAbi.BatchOf, ct, Root(root)))[0]!;

    /// <summary>How many batches have been anchored.</summary>
    public async Task<BigInteger> BatchCountAsync(CancellationToken ct = default) =>
        (BigInteger)(await CallAsync(LedgerAnchorAbi.BatchCount, ct))[0]!;

    /// <summary>The contract's own verification of a Merkle proof (OpenZeppelin leaf and sorted-pair conventions).</summary>
    public async Task<bool> VerifyAsync(byte[] recordHash, IReadOnlyList<byte[]> proof, byte[] root, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return (bool)(await CallAsync(LedgerAnchorAbi.Verify, ct, Root(recordHash), proof.Select(Root).ToArray(), Root(root)))[0]!;
    }

    /// <summary>The contract's version() string.</summary>
    public async Task<string> VersionAsync(CancellationToken ct = default) =>
        (string)(await CallAsync(LedgerAnchorAbi.Version, ct))[0]!;

    /// <summary>True when <paramref name="address"/> holds ANCHORER_ROLE.</summary>
    public async Task<bool> IsAnchorerAsync(string address, CancellationToken ct = default) =>
        (bool)(await CallAsync(LedgerAnchorAbi.HasRole, ct, LedgerAnchorAbi.AnchorerRole, address))[0]!;

    /// <summary>True when <paramref name="address"/> holds ISSUER_REGISTRAR_ROLE.</summary>
    public async Task<bool> IsIssuerRegistrarAsync(string address, CancellationToken ct = default) =>
        (bool)(await CallAsync(LedgerAnchorAbi.HasRole, ct, LedgerAnchorAbi.IssuerRegistrarRole, address))[0]!;

    /// <summary>The blocks in which <paramref name="key"/> is a registered signing key of <paramref name="organisationId"/>.</summary>
    public async Task<IssuerKeyValidity> IssuerKeyAsync(string organisationId, string key, CancellationToken ct = default)
    {
        var output = await CallAsync(LedgerAnchorAbi.IssuerKey, ct, IssuerKeyChange.OrganisationHash(organisationId), key);
        return new IssuerKeyValidity((ulong)(BigInteger)output[0]!, (ulong)(BigInteger)output[1]!);
    }

    /// <summary>The contract's own answer whether <paramref name="key"/> signed for <paramref name="organisationId"/> in <paramref name="blockNumber"/>.</summary>
    public async Task<bool> IsIssuerKeyValidAtAsync(string organisationId, string key, ulong blockNumber, CancellationToken ct = default) =>
        (bool)(await CallAsync(LedgerAnchorAbi.IsIssuerKeyValidAt, ct, IssuerKeyChange.OrganisationHash(organisationId), key, blockNumber))[0]!;

    /// <summary>
    /// The RootAnchored event in <paramref name="receipt"/> emitted by this contract, or null. Logs from any other
    /// address are ignored even when they look identical: anyone can deploy a contract that emits the same event.
    /// </summary>
    public RootAnchoredEvent? FindRootAnchored(TransactionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return receipt.Logs
            .Select(log => Decode(log, receipt.TransactionHash, receipt.BlockNumber, receipt.BlockHash))
            .FirstOrDefault(e => e is not null);
    }

    /// <summary>
    /// Reads the chain for the RootAnchored event of <paramref name="root"/> from block <paramref name="fromBlock"/> on:
    /// the way to learn where a root landed when our own records of the transaction are not enough (a send that landed
    /// before a crash, a replacement, a re-inclusion after a reorg). Filters by this contract, the event and the root,
    /// and checks the emitter again on every log returned. Null when the canonical chain has none.
    /// </summary>
    public async Task<RootAnchoredEvent?> FindRootAnchoredAsync(byte[] root, ulong fromBlock, CancellationToken ct = default)
    {
        string?[] topics = [LedgerAnchorAbi.RootAnchored.Topic, null, Hex.Encode(Root(root))];
        var logs = await _chain.GetLogsAsync(Address, topics, fromBlock, null, ct);
        return logs
            .Where(log => !log.Removed && log.TransactionHash is not null && log.BlockNumber is not null && log.BlockHash is not null)
            .Select(log => Decode(log, log.TransactionHash!, log.BlockNumber!.Value, log.BlockHash!))
            .LastOrDefault(e => e is not null && string.Equals(e.Root, Hex.Encode(root), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>True when <paramref name="error"/> is the contract refusing a root it has already anchored.</summary>
    public static bool IsRootAlreadyAnchored(ChainException error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.Kind == ChainErrorKind.Reverted && error.RevertData is { } data
            && data.AsSpan().StartsWith(LedgerAnchorAbi.Error("LedgerAnchorRootAlreadyAnchored").Selector);
    }

    /// <summary>Names a LedgerAnchor revert and its arguments, e.g. <c>LedgerAnchorRootAlreadyAnchored(root=0x…, batchId=3)</c>; null without data.</summary>
    public static string? DescribeRevert(byte[]? revertData) => RevertDescription.Describe(LedgerAnchorAbi.Errors, revertData);

    private async Task<object?[]> CallAsync(AbiFunction function, CancellationToken ct, params object?[] arguments)
    {
        var output = await _chain.CallAsync(Address, function.EncodeCall(arguments), ct);
        if (output.Length == 0)
        {
            throw new ChainException(ChainErrorKind.MissingContract, $"{function.Name} at {Address} returned nothing; is a LedgerAnchor deployed there?");
        }
        try
        {
            return function.DecodeOutput(output);
        }
        catch (FormatException ex)
        {
            throw new ChainException(ChainErrorKind.RpcError, $"{function.Name} at {Address} returned data that is not a LedgerAnchor answer: {ex.Message}", ex);
        }
    }

    private RootAnchoredEvent? Decode(LogEntry log, string transactionHash, ulong blockNumber, string blockHash)
    {
        if (!EthereumAddress.AreEqual(log.Address, Address))
        {
            return null;
        }
        IReadOnlyDictionary<string, object?>? values;
        try
        {
            values = LedgerAnchorAbi.RootAnchored.TryDecode(log.Topics, log.Data);
        }
        catch (FormatException ex)
        {
            throw new ChainException(ChainErrorKind.RpcError, $"A RootAnchored log of {Address} in {transactionHash} is malformed: {ex.Message}", ex);
        }
        return values is null
            ? null
            : new RootAnchoredEvent(
                (BigInteger)values["batchId"]!,
                Hex.Encode((byte[])values["root"]!),
                (ulong)(BigInteger)values["leafCount"]!,
                transactionHash,
                blockNumber,
                blockHash);
    }

    private static byte[] Root(byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length == 32 ? value : throw new ArgumentException($"Expected 32 bytes, got {value.Length}.", nameof(value));
    }
}
