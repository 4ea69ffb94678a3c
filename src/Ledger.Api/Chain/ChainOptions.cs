using System.ComponentModel.DataAnnotations;

namespace Ledger.Api.Chain;

/// <summary>
/// Which chain to anchor on (configuration section <c>Chain</c>). With no <see cref="RpcUrl"/> the service runs an
/// embedded anvil node; with one, <see cref="ChainId"/>, <see cref="ContractAddress"/> and the anchoring key —
/// <see cref="PrivateKey"/> or <see cref="KeystoreFile"/> — are required.
/// </summary>
public sealed class ChainOptions : IValidatableObject
{
    public const string Section = "Chain";

    /// <summary>JSON-RPC endpoint of an external chain; empty for the embedded anvil.</summary>
    public string? RpcUrl { get; set; }

    /// <summary>
    /// Further JSON-RPC endpoints of the same chain, tried in order when <see cref="RpcUrl"/> (or the one before) cannot
    /// be reached (<c>Chain:FallbackRpcUrls:0</c>, <c>:1</c>, …); each must report <see cref="ChainId"/>.
    /// </summary>
    public List<string> FallbackRpcUrls { get; set; } = [];

    /// <summary><see cref="RpcUrl"/> and then <see cref="FallbackRpcUrls"/>, the order calls try them in.</summary>
    public IReadOnlyList<Uri> RpcUrls => [.. new[] { RpcUrl }.Concat(FallbackRpcUrls).Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => new Uri(u!))];

    /// <summary>The chain id the RPC endpoint must report (guards against anchoring on the wrong network).</summary>
    public ulong? ChainId { get; set; }

    /// <summary>Address of a deployed LedgerAnchor contract.</summary>
    public string? ContractAddress { get; set; }

    /// <summary>
    /// A deployment record written by <c>ledger chain deploy</c> (<c>deployments/&lt;chainId&gt;.json</c>): supplies
    /// <see cref="ContractAddress"/> and <see cref="ChainId"/>, and must agree with either where they are also set.
    /// </summary>
    public string? Deployment { get; set; }

    // Why Deployment could not be used; reported by Validate, so the start fails with one clear line.
    private string? _deploymentProblem;

    /// <summary>Fills <see cref="ContractAddress"/> and <see cref="ChainId"/> from <see cref="Deployment"/> (after binding).</summary>
    public void ApplyDeployment()
    {
        if (string.IsNullOrWhiteSpace(Deployment))
        {
            return;
        }
        Ledger.Chain.DeploymentRecord record;
        try
        {
            record = Ledger.Chain.DeploymentRecord.Parse(File.ReadAllText(Deployment));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            _deploymentProblem = $"Chain:Deployment '{Deployment}' cannot be used: {e.Message}";
            return;
        }
        if (ChainId is { } chainId && chainId != record.ChainId)
        {
            _deploymentProblem = $"Chain:ChainId is {chainId} but Chain:Deployment '{Deployment}' records chain {record.ChainId}.";
            return;
        }
        if (!string.IsNullOrWhiteSpace(ContractAddress) && !string.Equals(ContractAddress, record.Address, StringComparison.OrdinalIgnoreCase))
        {
            _deploymentProblem = $"Chain:ContractAddress is {ContractAddress} but Chain:Deployment '{Deployment}' records {record.Address}.";
            return;
        }
        ChainId = record.ChainId;
        ContractAddress = record.Address;
    }

    /// <summary>Hex private key of an account holding ANCHORER_ROLE. Prefer an environment variable to a file in the repo.</summary>
    public string? PrivateKey { get; set; }

    /// <summary>
    /// Instead of <see cref="PrivateKey"/>: a Web3 Secret Storage (v3) keystore file holding the anchoring key, opened at
    /// start with the passphrase in the <c>LEDGER_KEYSTORE_PASSWORD</c> environment variable.
    /// </summary>
    public string? KeystoreFile { get; set; }

    /// <summary>The environment variable that holds <see cref="KeystoreFile"/>'s passphrase.</summary>
    public const string KeystorePasswordVariable = "LEDGER_KEYSTORE_PASSWORD";

    /// <summary>Blocks on top of the including block (counting it) before a batch is confirmed.</summary>
    [Range(1, 1000)]
    public int Confirmations { get; set; } = 1;

    /// <summary>Upper bound on maxFeePerGas, in gwei; the service never bids more.</summary>
    [Range(0.001, 100000)]
    public decimal MaxFeePerGasGwei { get; set; } = 500;

    /// <summary>The tip (maxPriorityFeePerGas), in gwei.</summary>
    [Range(0, 10000)]
    public decimal PriorityFeeGwei { get; set; } = 1;

    /// <summary>Without a receipt this long after the last send, hand the same signed transaction to the node again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ResendAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Without a receipt this long after signing, replace the transaction: same nonce, fees bumped.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ReplaceAfter { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>How much a replacement raises both fees, in percent; nodes refuse less than 10.</summary>
    [Range(10, 1000)]
    public int ReplacementBumpPercent { get; set; } = 15;

    /// <summary>Path to the anvil binary for embedded mode; found in node_modules when empty.</summary>
    public string? AnvilPath { get; set; }

    /// <summary>
    /// Loopback port for the embedded anvil. 0 keeps the port of the previous run (remembered in the data folder), or
    /// picks a free one on the first run or when another program has taken it.
    /// </summary>
    [Range(0, 65535)]
    public int EmbeddedPort { get; set; }

    /// <summary>How often the embedded anvil writes its state file, so a crash of anvil loses at most this much chain (whole seconds).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan EmbeddedStateInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Embedded anvil only: mine a block every this long instead of one per transaction, as a real chain does (scripts/bench
    /// --latency-to-anchor uses 1 s); empty for a block per transaction.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan? EmbeddedBlockTime { get; set; }

    /// <summary>
    /// The JSON-RPC URL that visitors' browsers call to check a proof against the chain themselves (the public verify page).
    /// Empty: the embedded anvil's URL in embedded mode; none with an external chain, whose <see cref="RpcUrl"/> may
    /// carry credentials and is never handed out. Shown to every visitor, so it must carry no credentials.
    /// </summary>
    public string? PublicRpcUrl { get; set; }

    /// <summary>True when the service should start its own anvil.</summary>
    public bool IsEmbedded => string.IsNullOrWhiteSpace(RpcUrl);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReplaceAfter < ResendAfter)
        {
            yield return new ValidationResult("Chain:ReplaceAfter must not be shorter than Chain:ResendAfter.", [nameof(ReplaceAfter)]);
        }
        if (EmbeddedStateInterval.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            yield return new ValidationResult("Chain:EmbeddedStateInterval must be whole seconds (anvil dumps its state every N seconds).", [nameof(EmbeddedStateInterval)]);
        }
        if (!string.IsNullOrWhiteSpace(PublicRpcUrl) && !PublicPages.PublicOptions.IsPlainHttpUrl(PublicRpcUrl))
        {
            yield return new ValidationResult("Chain:PublicRpcUrl must be an absolute http(s) URL without user name, query or fragment: every visitor sees it.", [nameof(PublicRpcUrl)]);
        }
        if (_deploymentProblem is not null)
        {
            yield return new ValidationResult(_deploymentProblem, [nameof(Deployment)]);
        }
        if (IsEmbedded)
        {
            if (!string.IsNullOrWhiteSpace(Deployment))
            {
                yield return new ValidationResult("Chain:Deployment needs Chain:RpcUrl: the embedded chain deploys its own contract.", [nameof(Deployment)]);
            }
            if (FallbackRpcUrls.Count > 0)
            {
                yield return new ValidationResult("Chain:FallbackRpcUrls needs Chain:RpcUrl: fallbacks are for an external chain.", [nameof(FallbackRpcUrls)]);
            }
            yield break;
        }
        if (!IsHttpUrl(RpcUrl))
        {
            yield return new ValidationResult("Chain:RpcUrl must be an http(s) URL.", [nameof(RpcUrl)]);
        }
        for (var i = 0; i < FallbackRpcUrls.Count; i++)
        {
            if (!IsHttpUrl(FallbackRpcUrls[i]))
            {
                yield return new ValidationResult($"Chain:FallbackRpcUrls:{i} must be an http(s) URL.", [nameof(FallbackRpcUrls)]);
            }
        }
        if (ChainId is null)
        {
            yield return new ValidationResult("Chain:ChainId (or Chain:Deployment) is required with Chain:RpcUrl.", [nameof(ChainId)]);
        }
        if (!Core.Encoding.Hex.IsFixed(ContractAddress, 20))
        {
            yield return new ValidationResult("Chain:ContractAddress (0x + 40 hex digits) or Chain:Deployment is required with Chain:RpcUrl.", [nameof(ContractAddress)]);
        }
        var hasKeystore = !string.IsNullOrWhiteSpace(KeystoreFile);
        if (hasKeystore && !string.IsNullOrEmpty(PrivateKey))
        {
            yield return new ValidationResult("Set Chain:PrivateKey or Chain:KeystoreFile, not both: the anchoring key comes from one place.", [nameof(PrivateKey), nameof(KeystoreFile)]);
        }
        else if (!hasKeystore && !Core.Encoding.Hex.IsFixed(PrivateKey, 32))
        {
            yield return new ValidationResult(
                string.IsNullOrEmpty(PrivateKey)
                    ? "Chain:PrivateKey (0x + 64 hex digits) or Chain:KeystoreFile is required with Chain:RpcUrl."
                    : "Chain:PrivateKey must be 0x + 64 hex digits (the value is not shown).",
                [nameof(PrivateKey)]);
        }
    }

    private static bool IsHttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == "http" || uri.Scheme == "https");
}
