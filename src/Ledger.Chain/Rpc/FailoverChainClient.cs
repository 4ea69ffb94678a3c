using System.Numerics;

namespace Ledger.Chain;

/// <summary>
/// One chain reached through several JSON-RPC nodes, in order of preference. Each call goes to the first node that is
/// not resting; a node that cannot be reached (or times out) rests for <see cref="RestAfterFailure"/> and the same
/// call is tried on the next one, so an outage of one node costs one failed attempt, not an anchoring stall. Any
/// other answer — a revert, an RPC error, "nonce too low" — is the chain's answer and is returned as it is: another
/// node would give the same. Only when every node is unreachable does the call fail, as
/// <see cref="ChainErrorKind.Unreachable"/>.
/// </summary>
/// <remarks>
/// <para>
/// Every node is asked its chain id before its first use and again after each rest, and one serving another chain
/// is never used: a misconfigured fallback must not receive signed transactions meant for this chain (they would be
/// refused by EIP-155 anyway, but its receipts and logs would be believed). Nodes of one chain may disagree about the
/// newest blocks for a moment; the anchoring state machine already waits for missing receipts and re-checks
/// inclusion, so reading from a node a block behind is harmless.
/// </para>
/// <para>
/// Sending a signed transaction to a second node after the first failed is safe: it is the same transaction with
/// the same hash, and a node that already has it answers <see cref="ChainErrorKind.AlreadyKnown"/>.
/// </para>
/// </remarks>
public sealed class FailoverChainClient : IChainClient
{
    /// <summary>How long a node that could not be reached is skipped before it is tried again.</summary>
    public static readonly TimeSpan RestAfterFailure = TimeSpan.FromSeconds(30);

    private readonly Node[] _nodes;
    private readonly ulong _chainId;
    private readonly TimeProvider _time;
    private readonly Action<string>? _report;

    /// <param name="nodes">The nodes, most preferred first, each with a name for messages (never one with credentials).</param>
    /// <param name="chainId">The chain every node must serve.</param>
    /// <param name="time">The clock that times rests.</param>
    /// <param name="report">Told in one line whenever a node fails, serves another chain, or is used again.</param>
    public FailoverChainClient(IReadOnlyList<(string Name, IChainClient Client)> nodes, ulong chainId, TimeProvider time, Action<string>? report = null)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (nodes.Count == 0)
        {
            throw new ArgumentException("At least one node is needed.", nameof(nodes));
        }
        _nodes = [.. nodes.Select(n => new Node(n.Name, n.Client))];
        _chainId = chainId;
        _time = time;
        _report = report;
    }

    /// <summary>The name of the node calls go to now: the first that is neither resting nor on another chain.</summary>
    public string CurrentNode => (_nodes.FirstOrDefault(n => n.IsAvailable(_time.GetUtcNow())) ?? _nodes[0]).Name;

    public Task<ulong> GetChainIdAsync(CancellationToken ct = default) => CallAsync(c => c.GetChainIdAsync(ct), ct);

    public Task<ulong> GetBlockNumberAsync(CancellationToken ct = default) => CallAsync(c => c.GetBlockNumberAsync(ct), ct);

    public Task<BlockInfo?> GetBlockAsync(ulong number, CancellationToken ct = default) => CallAsync(c => c.GetBlockAsync(number, ct), ct);

    public Task<BlockInfo> GetLatestBlockAsync(CancellationToken ct = default) => CallAsync(c => c.GetLatestBlockAsync(ct), ct);

    public Task<BigInteger> GetBalanceAsync(string address, CancellationToken ct = default) => CallAsync(c => c.GetBalanceAsync(address, ct), ct);

    public Task<ulong> GetTransactionCountAsync(string address, bool pending, CancellationToken ct = default) =>
        CallAsync(c => c.GetTransactionCountAsync(address, pending, ct), ct);

    public Task<byte[]> GetCodeAsync(string address, CancellationToken ct = default) => CallAsync(c => c.GetCodeAsync(address, ct), ct);

    public Task<byte[]> CallAsync(string to, byte[] data, CancellationToken ct = default) => CallAsync(c => c.CallAsync(to, data, ct), ct);

    public Task<ulong> EstimateGasAsync(string from, string? to, byte[] data, CancellationToken ct = default) =>
        CallAsync(c => c.EstimateGasAsync(from, to, data, ct), ct);

    public Task<BigInteger> GetMaxPriorityFeePerGasAsync(CancellationToken ct = default) => CallAsync(c => c.GetMaxPriorityFeePerGasAsync(ct), ct);

    public Task<string> SendRawTransactionAsync(byte[] rawTransaction, CancellationToken ct = default) =>
        CallAsync(c => c.SendRawTransactionAsync(rawTransaction, ct), ct);

    public Task<TransactionReceipt?> GetTransactionReceiptAsync(string txHash, CancellationToken ct = default) =>
        CallAsync(c => c.GetTransactionReceiptAsync(txHash, ct), ct);

    public Task<IReadOnlyList<LogEntry>> GetLogsAsync(
        string address, IReadOnlyList<string?> topics, ulong fromBlock, ulong? toBlock, CancellationToken ct = default) =>
        CallAsync(c => c.GetLogsAsync(address, topics, fromBlock, toBlock, ct), ct);

    private async Task<T> CallAsync<T>(Func<IChainClient, Task<T>> call, CancellationToken ct)
    {
        var failures = new List<string>();
        foreach (var node in _nodes)
        {
            if (!node.IsAvailable(_time.GetUtcNow()))
            {
                continue;
            }
            try
            {
                await EnsureSameChainAsync(node, ct);
                var answer = await call(node.Client);
                if (node.Recovered())
                {
                    _report?.Invoke($"RPC node {node.Name} answers again.");
                }
                return answer;
            }
            catch (ChainException e) when (e.Kind == ChainErrorKind.WrongChainId && !ct.IsCancellationRequested)
            {
                failures.Add($"{node.Name}: {e.Message}");
            }
            catch (ChainException e) when (e.Kind is ChainErrorKind.Unreachable or ChainErrorKind.Timeout && !ct.IsCancellationRequested)
            {
                // What another node could answer differently: this one could not be reached, or did not answer in time.
                node.Rest(_time.GetUtcNow() + RestAfterFailure);
                failures.Add($"{node.Name}: {e.Message}");
                _report?.Invoke($"RPC node {node.Name} failed ({e.Message}); using the next node, and trying it again in {RestAfterFailure.TotalSeconds:0} s.");
            }
        }
        var reason = failures.Count > 0
            ? string.Join("; ", failures)
            : "every node is resting after a failure or serves another chain";
        throw new ChainException(ChainErrorKind.Unreachable, $"No RPC node of chain {_chainId} could be reached ({reason}).");
    }

    // Asked once per node, and again after a rest: a node can come back pointed at another network.
    private async Task EnsureSameChainAsync(Node node, CancellationToken ct)
    {
        if (node.CheckedChain)
        {
            return;
        }
        var served = await node.Client.GetChainIdAsync(ct);
        if (served != _chainId)
        {
            node.Exclude();
            _report?.Invoke($"RPC node {node.Name} serves chain {served}, not {_chainId}; it is not used.");
            throw new ChainException(ChainErrorKind.WrongChainId, $"{node.Name} serves chain {served}, not {_chainId}.");
        }
        node.CheckedChain = true;
    }

    // Shared by the anchoring worker, health checks and verification, so its state changes under a lock.
    private sealed class Node(string name, IChainClient client)
    {
        private readonly Lock _gate = new();
        private DateTimeOffset _restUntil = DateTimeOffset.MinValue;
        private bool _excluded;
        private bool _failed;
        private bool _checkedChain;

        public string Name { get; } = name;
        public IChainClient Client { get; } = client;

        public bool CheckedChain
        {
            get { lock (_gate) { return _checkedChain; } }
            set { lock (_gate) { _checkedChain = value; } }
        }

        public bool IsAvailable(DateTimeOffset now)
        {
            lock (_gate)
            {
                return !_excluded && now >= _restUntil;
            }
        }

        public void Rest(DateTimeOffset until)
        {
            lock (_gate)
            {
                _restUntil = until;
                _failed = true;
                _checkedChain = false;
            }
        }

        public void Exclude()
        {
            lock (_gate)
            {
                _excluded = true;
            }
        }

        // True once, on the first answer after a failure.
        public bool Recovered()
        {
            lock (_gate)
            {
                var was = _failed;
                _failed = false;
                return was;
            }
        }
    }
}
