using System.Globalization;
using System.Net.Http.Json;
using System.Numerics;
using System.Text.Json;
using Ledger.Core.Encoding;

namespace Ledger.Chain;

/// <summary>An <see cref="IChainClient"/> over Ethereum JSON-RPC 2.0 on HTTP.</summary>
/// <remarks>The caller owns <see cref="HttpClient"/> (and its timeout). Messages name only the node's scheme, host and port,
/// because RPC URLs often carry an API key in the path or query.</remarks>
public sealed class JsonRpcChainClient : IChainClient
{
    private readonly HttpClient _http;
    private readonly Uri _rpcUrl;
    private readonly string _endpoint;
    private long _nextId;

    /// <summary>Creates a client for the node at <paramref name="rpcUrl"/>.</summary>
    public JsonRpcChainClient(HttpClient http, Uri rpcUrl)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(rpcUrl);
        _http = http;
        _rpcUrl = rpcUrl;
        _endpoint = $"{rpcUrl.Scheme}://{rpcUrl.Authority}";
    }

    /// <inheritdoc/>
    public async Task<ulong> GetChainIdAsync(CancellationToken ct = default) =>
        RpcJson.ToUInt64(await RequestAsync("eth_chainId", [], ct), "chain id");

    /// <inheritdoc/>
    public async Task<ulong> GetBlockNumberAsync(CancellationToken ct = default) =>
        RpcJson.ToUInt64(await RequestAsync("eth_blockNumber", [], ct), "block number");

    /// <inheritdoc/>
    public async Task<BlockInfo?> GetBlockAsync(ulong number, CancellationToken ct = default)
    {
        var block = await RequestAsync("eth_getBlockByNumber", [RpcJson.Quantity(number), false], ct);
        return block.ValueKind == JsonValueKind.Null ? null : RpcJson.ToBlock(block);
    }

    /// <inheritdoc/>
    public async Task<BlockInfo> GetLatestBlockAsync(CancellationToken ct = default)
    {
        var block = await RequestAsync("eth_getBlockByNumber", ["latest", false], ct);
        return block.ValueKind == JsonValueKind.Null
            ? throw new ChainException(ChainErrorKind.RpcError, "The node returned no latest block.")
            : RpcJson.ToBlock(block);
    }

    /// <inheritdoc/>
    public async Task<BigInteger> GetBalanceAsync(string address, CancellationToken ct = default) =>
        RpcJson.ToBigInteger(await RequestAsync("eth_getBalance", [Address(address), "latest"], ct), "balance");

    /// <inheritdoc/>
    public async Task<ulong> GetTransactionCountAsync(string address, bool pending, CancellationToken ct = default) =>
        RpcJson.ToUInt64(
            await RequestAsync("eth_getTransactionCount", [Address(address), pending ? "pending" : "latest"], ct),
            "transaction count");

    /// <inheritdoc/>
    public async Task<byte[]> GetCodeAsync(string address, CancellationToken ct = default) =>
        RpcJson.ToBytes(await RequestAsync("eth_getCode", [Address(address), "latest"], ct), "code");

    /// <inheritdoc/>
    public async Task<byte[]> CallAsync(string to, byte[] data, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var call = new Dictionary<string, string> { ["to"] = Address(to), ["data"] = Hex.Encode(data) };
        return RpcJson.ToBytes(await RequestAsync("eth_call", [call, "latest"], ct), "call result");
    }

    /// <inheritdoc/>
    public async Task<ulong> EstimateGasAsync(string from, string? to, byte[] data, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var call = new Dictionary<string, string> { ["from"] = Address(from), ["data"] = Hex.Encode(data) };
        if (to is not null)
        {
            call["to"] = Address(to);
        }
        return RpcJson.ToUInt64(await RequestAsync("eth_estimateGas", [call], ct), "gas estimate");
    }

    /// <inheritdoc/>
    public async Task<BigInteger> GetMaxPriorityFeePerGasAsync(CancellationToken ct = default) =>
        RpcJson.ToBigInteger(await RequestAsync("eth_maxPriorityFeePerGas", [], ct), "priority fee");

    /// <inheritdoc/>
    public async Task<string> SendRawTransactionAsync(byte[] rawTransaction, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rawTransaction);
        return RpcJson.ToHash(await RequestAsync("eth_sendRawTransaction", [Hex.Encode(rawTransaction)], ct), "transaction hash");
    }

    /// <inheritdoc/>
    public async Task<TransactionReceipt?> GetTransactionReceiptAsync(string txHash, CancellationToken ct = default)
    {
        if (!Hex.IsFixed(txHash, 32))
        {
            throw new ArgumentException("A transaction hash is 0x followed by 64 hex digits.", nameof(txHash));
        }
        var receipt = await RequestAsync("eth_getTransactionReceipt", [txHash], ct);
        return receipt.ValueKind == JsonValueKind.Null ? null : RpcJson.ToReceipt(receipt);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<LogEntry>> GetLogsAsync(
        string address, IReadOnlyList<string?> topics, ulong fromBlock, ulong? toBlock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var filter = new Dictionary<string, object?>
        {
            ["address"] = Address(address),
            ["topics"] = topics,
            ["fromBlock"] = RpcJson.Quantity(fromBlock),
            ["toBlock"] = toBlock is { } to ? RpcJson.Quantity(to) : "latest",
        };
        var logs = await RequestAsync("eth_getLogs", [filter], ct);
        return logs.ValueKind == JsonValueKind.Array
            ? [.. logs.EnumerateArray().Select(RpcJson.ToLog)]
            : throw new ChainException(ChainErrorKind.RpcError, $"The chain node at {_endpoint} answered eth_getLogs without a list.");
    }

    /// <summary>
    /// Sends any JSON-RPC request and returns its result (for node-specific methods such as anvil_mine or evm_snapshot).
    /// JSON-RPC errors become <see cref="ChainException"/>.
    /// </summary>
    public async Task<JsonElement> RequestAsync(string method, IReadOnlyList<object?> parameters, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(parameters);
        var id = Interlocked.Increment(ref _nextId);
        var request = new Dictionary<string, object?>
        {
            ["jsonrpc"] = "2.0",
            ["id"] = id,
            ["method"] = method,
            ["params"] = parameters,
        };
        byte[] body;
        int status;
        try
        {
            using var response = await _http.PostAsJsonAsync(_rpcUrl, request, ct);
            status = (int)response.StatusCode;
            body = await response.Content.ReadAsByteArrayAsync(ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new ChainException(ChainErrorKind.Unreachable, $"Cannot reach the chain node at {_endpoint} ({method}): {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!ct.IsCancellationRequested)
        {
            var seconds = _http.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
            throw new ChainException(ChainErrorKind.Unreachable, $"The chain node at {_endpoint} did not answer {method} within {seconds} s.", ex);
        }
        return ReadResult(method, status, body);
    }

    private JsonElement ReadResult(string method, int status, byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            // Gateways answer 429/5xx with HTML when the node behind them is down or throttling.
            var kind = status is 429 or >= 500 ? ChainErrorKind.Unreachable : ChainErrorKind.RpcError;
            throw new ChainException(kind, $"The chain node at {_endpoint} answered {method} with HTTP {status} and no JSON-RPC body.");
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                throw RpcErrorClassifier.Classify(method, error);
            }
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("result", out var result))
            {
                throw new ChainException(ChainErrorKind.RpcError, $"The chain node at {_endpoint} answered {method} without a result (HTTP {status}).");
            }
            return result.Clone();
        }
    }

    private static string Address(string address)
    {
        try
        {
            return Hex.Encode(EthereumAddress.Parse(address));
        }
        catch (FormatException ex)
        {
            throw new ArgumentException(ex.Message, nameof(address), ex);
        }
    }
}
