using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Ledger.Chain.Contracts;

/// <summary>The constructor: (address admin, address anchorer, address registrar), with the artifact's bytecode.</summary>
public sealed class LedgerAnchorDeployment : ContractDeploymentMessage
{
    /// <summary>A deployment of the embedded LedgerAnchor bytecode.</summary>
    public LedgerAnchorDeployment() : base(ContractArtifact.LedgerAnchor.Bytecode)
    {
    }

    /// <summary>Receives DEFAULT_ADMIN_ROLE.</summary>
    [Parameter("address", "admin", 1)]
    public string Admin { get; set; } = "";

    /// <summary>Receives ANCHORER_ROLE.</summary>
    [Parameter("address", "anchorer", 2)]
    public string Anchorer { get; set; } = "";

    /// <summary>Receives ISSUER_REGISTRAR_ROLE.</summary>
    [Parameter("address", "registrar", 3)]
    public string Registrar { get; set; } = "";
}
