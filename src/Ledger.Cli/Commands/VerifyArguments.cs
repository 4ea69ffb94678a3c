using Ledger.Chain;

namespace Ledger.Cli.Commands;

/// <summary>The arguments of <c>ledger verify</c>: the proof file, the RPC endpoint and the two policies.</summary>
/// <param name="ProofPath">The bundle file, or "-" for standard input.</param>
/// <param name="Rpc">An http(s) JSON-RPC endpoint of the chain the proof names.</param>
/// <param name="AllowUnsigned">Accept a proof without an issuer signature (the issuer is then reported unproven).</param>
/// <param name="Contract">The LedgerAnchor address the proof must name (EIP-55), or null to take the proof's word.</param>
internal sealed record VerifyArguments(string ProofPath, Uri Rpc, bool AllowUnsigned, string? Contract)
{
    public const string Usage = "ledger verify <proof.json> --rpc <url> [--contract <address>] [--allow-unsigned]";

    /// <exception cref="UsageException">An argument is missing, unknown, repeated or malformed.</exception>
    public static VerifyArguments Parse(string[] args)
    {
        string? path = null, rpc = null, contract = null;
        var allowUnsigned = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--rpc": rpc = Value(args, ref i, rpc); break;
                case "--contract": contract = Value(args, ref i, contract); break;
                case "--allow-unsigned" when !allowUnsigned: allowUnsigned = true; break;
                case "--allow-unsigned": throw new UsageException("--allow-unsigned is given twice.");
                case var arg when path is null && (arg == "-" || !arg.StartsWith('-')): path = arg; break;
                default: throw new UsageException($"Unexpected argument '{args[i]}'. Usage: {Usage}");
            }
        }
        if (path is null || rpc is null)
        {
            throw new UsageException($"verify needs a proof file and --rpc <url>. Usage: {Usage}");
        }
        return new VerifyArguments(path, RpcUrl(rpc), allowUnsigned, contract is null ? null : ContractAddress(contract));
    }

    private static string Value(string[] args, ref int i, string? earlier)
    {
        var name = args[i];
        if (earlier is not null)
        {
            throw new UsageException($"{name} is given twice.");
        }
        return ++i < args.Length ? args[i] : throw new UsageException($"{name} needs a value.");
    }

    private static Uri RpcUrl(string rpc) =>
        Uri.TryCreate(rpc, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new UsageException("--rpc must be an http(s) URL.");

    private static string ContractAddress(string contract)
    {
        try
        {
            return EthereumAddress.Normalize(contract);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--contract: {e.Message}");
        }
    }
}
