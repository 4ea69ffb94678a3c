using System.Text.Json;
using System.Text.Json.Serialization;
using Ledger.Core.Encoding;
using Ledger.Core.Hashing;

namespace Ledger.Chain;

/// <summary>
/// Where a LedgerAnchor was deployed, as <c>ledger chain deploy</c> writes it to <c>deployments/&lt;chainId&gt;.json</c> and
/// the service reads it with <c>Chain:Deployment</c>: the chain, the address, the deploying transaction and block, the
/// accounts given the roles, and the hash of the creation bytecode, so anyone can tell which build was deployed.
/// </summary>
public sealed record DeploymentRecord
{
    /// <summary>Always "LedgerAnchor".</summary>
    public required string Contract { get; init; }
    /// <summary>The contract's VERSION.</summary>
    public required string Version { get; init; }
    public required ulong ChainId { get; init; }
    /// <summary>The contract's address, EIP-55.</summary>
    public required string Address { get; init; }
    public required string TransactionHash { get; init; }
    public required ulong BlockNumber { get; init; }
    public required string BlockHash { get; init; }
    /// <summary>The account that sent the deployment.</summary>
    public required string Deployer { get; init; }
    /// <summary>DEFAULT_ADMIN_ROLE: grants and revokes the other roles.</summary>
    public required string Admin { get; init; }
    /// <summary>ANCHORER_ROLE and ISSUER_REGISTRAR_ROLE: the service's anchoring account.</summary>
    public required string Anchorer { get; init; }
    /// <summary>keccak256 of the creation bytecode that was deployed (before constructor arguments).</summary>
    public required string ArtifactHash { get; init; }
    /// <summary>The compiler that built it.</summary>
    public required string SolcVersion { get; init; }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>keccak256 of the LedgerAnchor creation bytecode this build carries.</summary>
    public static string CurrentArtifactHash => Hex.Encode(Keccak256.Hash(Hex.Decode(ContractArtifact.LedgerAnchor.Bytecode)));

    /// <summary>The compiler of the LedgerAnchor this build carries.</summary>
    public static string CurrentSolcVersion => ContractArtifact.LedgerAnchor.SolcVersion;

    /// <summary>The file's text: indented JSON with a final newline.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    /// <summary>Reads a deployment file strictly.</summary>
    /// <exception cref="FormatException">Not a deployment file: not JSON, a member missing or unknown, or an address or hash malformed.</exception>
    public static DeploymentRecord Parse(string json)
    {
        DeploymentRecord? read;
        try
        {
            read = JsonSerializer.Deserialize<DeploymentRecord>(json, Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"not a LedgerAnchor deployment file: {e.Message}", e);
        }
        if (read is null || read.Contract != "LedgerAnchor")
        {
            throw new FormatException("not a LedgerAnchor deployment file: \"contract\" must be \"LedgerAnchor\".");
        }
        if (!Hex.IsFixed(read.TransactionHash, 32) || !Hex.IsFixed(read.BlockHash, 32) || !Hex.IsFixed(read.ArtifactHash, 32))
        {
            throw new FormatException("transactionHash, blockHash and artifactHash must each be 0x followed by 64 hex digits.");
        }
        return read with
        {
            Address = EthereumAddress.Normalize(read.Address),
            Deployer = EthereumAddress.Normalize(read.Deployer),
            Admin = EthereumAddress.Normalize(read.Admin),
            Anchorer = EthereumAddress.Normalize(read.Anchorer),
        };
    }
}
