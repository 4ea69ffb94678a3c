using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Numerics;
using System.Text.Json;
using Ledger.Core.Encoding;
using Microsoft.Extensions.Logging;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Ledger.Chain;

/// <summary>An <see cref="IChainClient"/> over Ethereum JSON-RPC on HTTP: Nethereum's <see cref="RpcClient"/> and Eth services.</summary>
/// <remarks>
/// <para>
/// What Nethereum does not do is added here: cancellation (its client takes no token, so every call is awaited with
/// <c>WaitAsync(ct)</c>), the per-client timeout of the given <see cref="HttpClient"/> (Nethereum's own is process-wide and 20 s),
/// classified failures (<see cref="ChainException"/>), strict reading of answers (<see cref="RpcAnswers"/>), and
/// messages that name only the node's scheme, host and port, because RPC URLs often carry an API key in the path or
/// query. Credentials in the URL's user info are sent as a Basic header by Nethereum.
/// </para>
/// <para>
/// Nethereum's <see cref="RpcClient"/> sets the base address and authorization of the <see cref="HttpClient"/> it is
/// given, so each client needs an <see cref="HttpClient"/> of its own (a new one from IHttpClientFactory is fine); the
/// caller owns it. No logger is passed: Nethereum would log raw signed transactions at Trace.
/// </para>
/// </remarks>
public sealed class JsonRpcChainClient : IChainClient
{
    private readonly RpcClient _rpc;
    private readonly Nethereum.Contracts.Services.IEthApiContractService _eth;
    private readonly EthMaxPriorityFeePerGas _maxPriorityFee;
    private readonly string _endpoint;
    private readonly TimeSpan _timeout;

    /// <summary>Creates a client for the node at <paramref name="rpcUrl"/>.</summary>
    /// <param name="http">An <see cref="HttpClient"/> used by no other client; its Timeout bounds every call.</param>
    public JsonRpcChainClient(HttpClient http, Uri rpcUrl)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(rpcUrl);
        _rpc = new RpcClient(rpcUrl, http, (AuthenticationHeaderValue?)null, (JsonSerializerSettings?)null, (ILogger?)null);
        _eth = new Web3(_rpc).Eth;
        _maxPriorityFee = new EthMaxPriorityFeePerGas(_rpc);
        _endpoint = $"{rpcUrl.Scheme}://{rpcUrl.Authority}";
        _timeout = http.Timeout < ClientBase.ConnectionTimeout ? http.Timeout : ClientBase.ConnectionTimeout;
    }

    /// <inheritdoc/>
    public async Task<ulong> GetChainIdAsync(CancellationToken ct = default) =>
        RpcAnswers.UInt64(await SendAsync("eth_chainId", () => _eth.ChainId.SendRequestAsync(), ct), "chain id");

    /// <inheritdoc/>
    public async Task<ulong> GetBlockNumberAsync(CancellationToken ct = default) =>
        RpcAnswers.UInt64(await SendAsync("eth_blockNumber", () => _eth.Blocks.GetBlockNumber.SendRequestAsync(), ct), "block number");

    /// <inheritdoc/>
    public async Task<BlockInfo?> GetBlockAsync(ulong number, CancellationToken ct = default)
    {
        var block = await SendAsync("eth_getBlockByNumber",
            () => _eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new BlockParameter(new HexBigInteger(number))), ct);
        return block is null ? null : RpcAnswers.Block(block);
    }

    /// <inheritdoc/>
    public async Task<BlockInfo> GetLatestBlockAsync(CancellationToken ct = default)
    {
        var block = await SendAsync("eth_getBlockByNumber",
            () => _eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest()), ct);
        return block is null
            ? throw new ChainException(ChainErrorKind.RpcError, "The node returned no latest block.")
            : RpcAnswers.Block(block);
    }

    /// <inheritdoc/>
    public async Task<BigInteger> GetBalanceAsync(string address, CancellationToken ct = default) =>
        RpcAnswers.Quantity(await SendAsync("eth_getBalance",
            () => _eth.GetBalance.SendRequestAsync(Address(address), BlockParameter.CreateLatest()), ct), "balance");

    /// <inheritdoc/>
    public async Task<ulong> GetTransactionCountAsync(string address, bool pending, CancellationToken ct = default) =>
        RpcAnswers.UInt64(await SendAsync("eth_getTransactionCount",
            () => _eth.Transactions.GetTransactionCount.SendRequestAsync(
                Address(address), pending ? BlockParameter.CreatePending() : BlockParameter.CreateLatest()), ct), "transaction count");

    /// <inheritdoc/>
    public async Task<byte[]> GetCodeAsync(string address, CancellationToken ct = default) =>
        RpcAnswers.Bytes(await SendAsync("eth_getCode", () => _eth.GetCode.SendRequestAsync(Address(address), BlockParameter.CreateLatest()), ct), "code");

    /// <inheritdoc/>
    public async Task<byte[]> CallAsync(string to, byte[] data, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var call = new CallInput { To = Address(to), Data = Hex.Encode(data) };
        return RpcAnswers.Bytes(await SendAsync("eth_call", () => _eth.Transactions.Call.SendRequestAsync(call, BlockParameter.CreateLatest()), ct), "call result");
    }

    /// <inheritdoc/>
    public async Task<ulong> EstimateGasAsync(string from, string? to, byte[] data, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var call = new CallInput { From = Address(from), To = to is null ? null : Address(to), Data = Hex.Encode(data) };
        return RpcAnswers.UInt64(await SendAsync("eth_estimateGas", () => _eth.Transactions.EstimateGas.SendRequestAsync(call), ct), "gas estimate");
    }

    /// <inheritdoc/>
    public async Task<BigInteger> GetMaxPriorityFeePerGasAsync(CancellationToken ct = default) =>
        RpcAnswers.Quantity(await SendAsync("eth_maxPriorityFeePerGas", () => _maxPriorityFee.SendRequestAsync(), ct), "priority fee");

    /// <inheritdoc/>
    public async Task<string> SendRawTransactionAsync(byte[] rawTransaction, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(rawTransaction);
        var raw = Hex.Encode(rawTransaction);
        return RpcAnswers.Hash(await SendAsync("eth_sendRawTransaction", () => _eth.Transactions.SendRawTransaction.SendRequestAsync(raw), ct), "transaction hash");
    }

    /// <inheritdoc/>
    public async Task<TransactionReceipt?> GetTransactionReceiptAsync(string txHash, CancellationToken ct = default)
    {
        if (!Hex.IsFixed(txHash, 32))
        {
            throw new ArgumentException("A transaction hash is 0x followed by 64 hex digits.", nameof(txHash));
        }
        var receipt = await SendAsync("eth_getTransactionReceipt", () => _eth.Transactions.GetTransactionReceipt.SendRequestAsync(txHash), ct);
        return receipt is null ? null : RpcAnswers.Receipt(receipt);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<LogEntry>> GetLogsAsync(
        string address, IReadOnlyList<string?> topics, ulong fromBlock, ulong? toBlock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(topics);
        var filter = new NewFilterInput
        {
            Address = [Address(address)],
            Topics = [.. topics.Cast<object?>()],
            FromBlock = new BlockParameter(new HexBigInteger(fromBlock)),
            ToBlock = toBlock is { } to ? new BlockParameter(new HexBigInteger(to)) : BlockParameter.CreateLatest(),
        };
        var logs = await SendAsync("eth_getLogs", () => _eth.Filters.GetLogs.SendRequestAsync(filter), ct);
        return logs is null
            ? throw new ChainException(ChainErrorKind.RpcError, $"The chain node at {_endpoint} answered eth_getLogs without a list.")
            : [.. logs.Select(RpcAnswers.Log)];
    }

    /// <summary>
    /// Sends any JSON-RPC request and returns its result (for node-specific methods such as anvil_mine or evm_snapshot).
    /// JSON-RPC errors become <see cref="ChainException"/>.
    /// </summary>
    public async Task<JsonElement> RequestAsync(string method, IReadOnlyList<object?> parameters, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(method);
        ArgumentNullException.ThrowIfNull(parameters);
        var request = new RpcRequest(Guid.NewGuid().ToString("N"), method, [.. parameters]);
        var result = await SendAsync(method, () => _rpc.SendRequestAsync<JToken>(request), ct);
        using var document = JsonDocument.Parse(result?.ToString(Formatting.None) ?? "null");
        return document.RootElement.Clone();
    }

    // Every request goes through here: Nethereum's failures become classified ChainExceptions that never name more of
    // the URL than its scheme, host and port.
    private async Task<T> SendAsync<T>(string method, Func<Task<T>> request, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        try
        {
            return await request().WaitAsync(ct);
        }
        catch (RpcResponseException e)
        {
            throw RpcErrorClassifier.Classify(method, e.RpcError);
        }
        catch (RpcClientTimeoutException e)
        {
            var seconds = _timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture);
            throw new ChainException(ChainErrorKind.Unreachable, $"The chain node at {_endpoint} did not answer {method} within {seconds} s.", e);
        }
        catch (RpcClientUnknownException e) when (e.InnerException is HttpRequestException { StatusCode: { } status })
        {
            // Gateways answer 429/5xx (often with HTML) when the node behind them is down or throttling.
            var kind = status is HttpStatusCode.TooManyRequests || (int)status >= 500 ? ChainErrorKind.Unreachable : ChainErrorKind.RpcError;
            throw new ChainException(kind, $"The chain node at {_endpoint} answered {method} with HTTP {(int)status} and no JSON-RPC result.", e);
        }
        catch (RpcClientUnknownException e) when (e.InnerException is HttpRequestException or IOException)
        {
            throw new ChainException(ChainErrorKind.Unreachable, $"Cannot reach the chain node at {_endpoint} ({method}): {e.InnerException.Message}", e);
        }
        catch (RpcClientUnknownException e)
        {
            // The body was no JSON-RPC answer (Nethereum's reader failed on it).
            throw new ChainException(ChainErrorKind.RpcError, $"The chain node at {_endpoint} answered {method} with no JSON-RPC body.", e);
        }
        catch (Exception e) when (e is RpcResponseFormatException or Newtonsoft.Json.JsonException or FormatException or OverflowException or ArgumentException)
        {
            throw new ChainException(ChainErrorKind.RpcError, $"The chain node at {_endpoint} answered {method} with a malformed result.", e);
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
