using System.Numerics;
using Ledger.Chain.Contracts;
using Ledger.Core.Encoding;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;

namespace Ledger.Chain;

/// <summary>Typed access to a deployed LedgerAnchor contract: deploy, anchor calldata, reads and event decoding.</summary>
/// <remarks>Calldata, return values, logs and reverts are encoded and decoded by Nethereum from the typed messages in
/// <see cref="Contracts"/>; every call goes through <see cref="IChainClient"/>, so fakes and the verifier's chain stand in.</remarks>
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
    public static byte[] EncodeDeploy(string admin, string anchorer, string registrar)
    {
        var deployment = new LedgerAnchorDeployment
        {
            Admin = EthereumAddress.Normalize(admin),
            Anchorer = EthereumAddress.Normalize(anchorer),
            Registrar = EthereumAddress.Normalize(registrar),
        };
        return Hex.Decode(new ConstructorCallEncoder().EncodeRequest(deployment, deployment.ByteCode));
    }

    /// <summary>
    /// Calldata for anchor(root, leafCount); with issuer key changes, a multicall that makes them first and then
    /// anchors, so the keys' validity starts (or ends) in the very block that anchors the batch.
    /// </summary>
    public static byte[] EncodeAnchor(byte[] root, ulong leafCount, IReadOnlyList<IssuerKeyChange>? keyChanges = null)
    {
        var anchor = new AnchorFunction { Root = Word(root), LeafCount = leafCount }.GetCallData();
        if (keyChanges is not { Count: > 0 })
        {
            return anchor;
        }
        return new MulticallFunction { Data = [.. keyChanges.Select(c => c.EncodeCall()), anchor] }.GetCallData();
    }

    /// <summary>
    /// Deploys a new LedgerAnchor from <paramref name="sender"/>'s account and waits for it to be mined. The anchorer
    /// also receives the issuer registrar role: the service registers keys in the transactions that anchor batches.
    /// </summary>
    public static async Task<LedgerAnchorContract> DeployAsync(
        IChainClient chain, TransactionSender sender, string admin, string anchorer, TimeSpan timeout, CancellationToken ct = default) =>
        (await DeployWithReceiptAsync(chain, sender, admin, anchorer, timeout, ct)).Contract;

    /// <summary>As <see cref="DeployAsync"/>, with the deployment's receipt (block, transaction) for a deployment record.</summary>
    public static async Task<(LedgerAnchorContract Contract, TransactionReceipt Receipt)> DeployWithReceiptAsync(
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
        return (new LedgerAnchorContract(chain, address), receipt);
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
        var value = (await CallAsync(new AnchoredAtFunction { Root = Word(root) }, 32, output => new UInt64Output().DecodeOutput(output), ct)).Value;
        // A uint64 beyond long's range cannot come from a LedgerAnchor, only from some other contract at this address.
        return value <= long.MaxValue
            ? (long)value
            : throw new ChainException(ChainErrorKind.RpcError, $"anchoredAt at {Address} returned {value}, which is no block timestamp.",
                new FormatException("anchoredAt returned a value beyond any block timestamp."));
    }

    /// <summary>The batch id under which <paramref name="root"/> was anchored, or 0.</summary>
    public async Task<BigInteger> BatchOfAsync(byte[] root, CancellationToken ct = default) =>
        (await CallAsync(new BatchOfFunction { Root = Word(root) }, 32, output => new UInt256Output().DecodeOutput(output), ct)).Value;

    /// <summary>How many batches have been anchored.</summary>
    public async Task<BigInteger> BatchCountAsync(CancellationToken ct = default) =>
        (await CallAsync(new BatchCountFunction(), 32, output => new UInt256Output().DecodeOutput(output), ct)).Value;

    /// <summary>The contract's own verification of a Merkle proof (OpenZeppelin leaf and sorted-pair conventions).</summary>
    public Task<bool> VerifyAsync(byte[] recordHash, IReadOnlyList<byte[]> proof, byte[] root, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(proof);
        return CallBoolAsync(new VerifyFunction { RecordHash = Word(recordHash), Proof = [.. proof.Select(Word)], Root = Word(root) }, ct);
    }

    /// <summary>The contract's version() string.</summary>
    public async Task<string> VersionAsync(CancellationToken ct = default) =>
        (await CallAsync(new VersionFunction(), 64, output => new StringOutput().DecodeOutput(output), ct)).Value;

    /// <summary>True when <paramref name="address"/> holds ANCHORER_ROLE.</summary>
    public Task<bool> IsAnchorerAsync(string address, CancellationToken ct = default) =>
        CallBoolAsync(new HasRoleFunction { Role = LedgerAnchorAbi.AnchorerRole, Account = EthereumAddress.Normalize(address) }, ct);

    /// <summary>True when <paramref name="address"/> holds ISSUER_REGISTRAR_ROLE.</summary>
    public Task<bool> IsIssuerRegistrarAsync(string address, CancellationToken ct = default) =>
        CallBoolAsync(new HasRoleFunction { Role = LedgerAnchorAbi.IssuerRegistrarRole, Account = EthereumAddress.Normalize(address) }, ct);

    /// <summary>The blocks in which <paramref name="key"/> is a registered signing key of <paramref name="organisationId"/>.</summary>
    public async Task<IssuerKeyValidity> IssuerKeyAsync(string organisationId, string key, CancellationToken ct = default)
    {
        var function = new IssuerKeyFunction { Organisation = IssuerKeyChange.OrganisationHash(organisationId), Key = EthereumAddress.Normalize(key) };
        var output = await CallAsync(function, 64, output => new IssuerKeyOutput().DecodeOutput(output), ct);
        return new IssuerKeyValidity(output.ValidFromBlock, output.ValidUntilBlock);
    }

    /// <summary>The contract's own answer whether <paramref name="key"/> signed for <paramref name="organisationId"/> in <paramref name="blockNumber"/>.</summary>
    public Task<bool> IsIssuerKeyValidAtAsync(string organisationId, string key, ulong blockNumber, CancellationToken ct = default) =>
        CallBoolAsync(new IsIssuerKeyValidAtFunction
        {
            Organisation = IssuerKeyChange.OrganisationHash(organisationId),
            Key = EthereumAddress.Normalize(key),
            BlockNumber = blockNumber,
        }, ct);

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
        string?[] topics = [LedgerAnchorAbi.RootAnchoredTopic, null, Hex.Encode(Word(root))];
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
            && data.AsSpan().StartsWith(LedgerAnchorAbi.ErrorSelector(typeof(LedgerAnchorRootAlreadyAnchoredError)));
    }

    /// <summary>Names a LedgerAnchor revert and its arguments, e.g. <c>LedgerAnchorRootAlreadyAnchored(root=0x…, batchId=3)</c>; null without data.</summary>
    public static string? DescribeRevert(byte[]? revertData) => RevertDescription.Describe(LedgerAnchorAbi.Errors, revertData);

    // Nethereum decodes what a call returned; the checks a hostile contract calls for are ours: an empty answer means no
    // contract, a short one or an undecodable one is not a LedgerAnchor's, and a bool must be exactly 0 or 1.
    private async Task<T> CallAsync<TFunction, T>(TFunction function, int minimumBytes, Func<string, T> decode, CancellationToken ct)
        where TFunction : FunctionMessage, new()
    {
        var name = ABITypedRegistry.GetFunctionABI<TFunction>().Name;
        var output = await _chain.CallAsync(Address, function.GetCallData(), ct);
        if (output.Length == 0)
        {
            throw new ChainException(ChainErrorKind.MissingContract, $"{name} at {Address} returned nothing; is a LedgerAnchor deployed there?");
        }
        try
        {
            return output.Length >= minimumBytes
                ? decode(Hex.Encode(output))
                : throw new FormatException($"{output.Length} bytes are too few for its result");
        }
        catch (Exception ex) when (ex is not ChainException and not OutOfMemoryException)
        {
            throw new ChainException(ChainErrorKind.RpcError, $"{name} at {Address} returned data that is not a LedgerAnchor answer: {ex.Message}",
                ex as FormatException ?? new FormatException(ex.Message, ex));
        }
    }

    private Task<bool> CallBoolAsync<TFunction>(TFunction function, CancellationToken ct) where TFunction : FunctionMessage, new() =>
        CallAsync(function, 32, output =>
        {
            var word = Hex.Decode(output).AsSpan(0, 32);
            return word[..31].ContainsAnyExcept((byte)0) || word[31] > 1
                ? throw new FormatException("the bool word is neither 0 nor 1")
                : word[31] == 1;
        }, ct);

    private RootAnchoredEvent? Decode(LogEntry log, string transactionHash, ulong blockNumber, string blockHash)
    {
        // Nethereum matches a log by topic 0 and the number of indexed values only: the emitter is ours to check.
        if (!EthereumAddress.AreEqual(log.Address, Address))
        {
            return null;
        }
        EventLog<RootAnchoredEventDto>? decoded;
        try
        {
            var filterLog = new FilterLog { Address = log.Address, Topics = [.. log.Topics], Data = Hex.Encode(log.Data) };
            decoded = filterLog.DecodeEvent<RootAnchoredEventDto>();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ChainException(ChainErrorKind.RpcError, $"A RootAnchored log of {Address} in {transactionHash} is malformed: {ex.Message}",
                ex as FormatException ?? new FormatException(ex.Message, ex));
        }
        return decoded is null
            ? null
            : new RootAnchoredEvent(decoded.Event.BatchId, Hex.Encode(decoded.Event.Root), decoded.Event.LeafCount, transactionHash, blockNumber, blockHash);
    }

    // Nethereum pads a short bytes32 value with zeros: a 31-byte root would be anchored as a different root.
    private static byte[] Word(byte[] value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length == 32 ? value : throw new ArgumentException($"Expected 32 bytes, got {value.Length}.", nameof(value));
    }
}
