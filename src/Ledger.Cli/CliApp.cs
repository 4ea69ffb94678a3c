using Ledger.Cli.Commands;

namespace Ledger.Cli;

/// <summary>The <c>ledger</c> command line: dispatches to one command per verb.</summary>
public static class CliApp
{
    // The exit codes are a contract with scripts that call `ledger verify`: keep them stable, and keep them in step with
    // the help text below and docs/proof-format.md §7.

    /// <summary>Exit code for a valid proof (or a command that did its work).</summary>
    public const int Valid = 0;
    /// <summary>Exit code for a proof or input that does not check out: malformed, or not matching the chain.</summary>
    public const int Invalid = 1;
    /// <summary>Exit code for wrong usage.</summary>
    public const int Usage = 2;
    /// <summary>Exit code when the chain could not be asked (network, RPC error).</summary>
    public const int Unavailable = 3;
    /// <summary>Exit code for a proof of a record that is not anchored yet: fetch the proof again later.</summary>
    public const int NotAnchored = 4;
    /// <summary>Exit code for a proof whose anchor checks out but whose issuer is not proven (no signature without --allow-unsigned).</summary>
    public const int IssuerNotProven = 5;

    private const string Help = """
        ledger — verify Ledger records and proofs independently of the Ledger service, and manage its identities.

        Usage:
          ledger verify <proof.json> --rpc <url> [--contract <address>] [--allow-unsigned]
                                                   Check a proof bundle ("-" reads standard input) against the chain
                                                   alone: the bundle's form, the Merkle path, the chain id, the
                                                   contract's anchoredAt(root) and verify(), the anchoring transaction's
                                                   RootAnchored log from that contract, block, batch and time, and the
                                                   issuer's signature over the record hash. Not checked, and reported
                                                   as claims: the status (erased, revoked), which organisation holds
                                                   the signing key and, without --contract, whether the contract is
                                                   the ledger's. One line says why; see docs/proof-format.md §7.
                                                   --contract <address>  require this LedgerAnchor (the ledger's
                                                                         published address), not the proof's word
                                                   --allow-unsigned      accept a proof without an issuer signature
                                                                         (the issuer is then reported unproven)
          ledger status --api <url> [--json]       Show a running service's backlog, chain head, recent and stuck
                                                   batches (admin or auditor key in LEDGER_API_KEY or --key).
          ledger hash <record.json>                Print the canonical bytes (RFC 8785) and keccak-256 record hash of a
                                                   record envelope (with its salt), to recompute a commitment.

        Operator commands, run on the service's host against its data folder:
          ledger orgs create --data-dir <dir> --id <id> --name <name> --kind <kind> --area-code <6 digits>
                                                   Register an organisation; kind is market-supervision, judicial,
                                                   community, audit or operator; the area code is its jurisdiction.
          ledger orgs list --data-dir <dir>        List organisations.
          ledger orgs rotate-key --data-dir <dir> --org <id>
                                                   With the service stopped: retire the organisation's signing key. Its
                                                   next record gets a new key; both changes are registered on chain
                                                   with the next anchored batch.
          ledger keys create --data-dir <dir> --org <id> --role <role> [--expires-in 90d] [--label <text>] [--staff <id>]
                                                   Issue an API key (printed once) for a new staff account, or for an
                                                   existing one with --staff. Roles: inspector, correction-officer,
                                                   community-worker, auditor, admin; each fits one organisation kind
                                                   (a role that does not fit is refused, naming the one that does).
          ledger keys list --data-dir <dir>        List keys: id, role, organisation, dates, state (never secrets).
          ledger keys revoke --data-dir <dir> <key-id>
                                                   Revoke a key at once.
          ledger keys rotate-master --data-dir <dir> --new-key-file <file> [--key-file <current>]
                                                   With the service stopped: re-wrap every data key, issuer key and the
                                                   key check under a new master key (generated into the file if it does
                                                   not exist). Payloads are not touched. The current key comes from
                                                   --key-file, LEDGER_MASTER_KEY or <dir>/master.key.

        Exit codes: 0 valid (or done); 1 invalid: a malformed proof, one that does not match the chain (or a refused
        operator command); 2 usage error; 3 chain unavailable; 4 not anchored yet (fetch the proof again in a few
        seconds); 5 issuer not proven (no issuer signature and no --allow-unsigned).
        """;

    /// <summary>Runs the command named by <paramref name="args"/>[0].</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            await output.WriteLineAsync(Help);
            return args.Length == 0 ? Usage : 0;
        }
        try
        {
            return args[0] switch
            {
                "verify" => await VerifyCommand.RunAsync(args[1..], output, error),
                "hash" => await HashCommand.RunAsync(args[1..], output, error),
                "status" => await StatusCommand.RunAsync(args[1..], output, error),
                "keys" when args.Length > 1 && args[1] == "rotate-master" => await RotateMasterCommand.RunAsync(args[2..], output, error),
                "keys" => await KeysCommand.RunAsync(args[1..], output, error),
                "orgs" => await OrgsCommand.RunAsync(args[1..], output, error),
                _ => await UsageErrorAsync(error, $"Unknown command '{args[0]}'."),
            };
        }
        catch (UsageException e)
        {
            return await UsageErrorAsync(error, e.Message);
        }
    }

    private static async Task<int> UsageErrorAsync(TextWriter error, string message)
    {
        await error.WriteLineAsync($"error: {message}");
        await error.WriteLineAsync("Run `ledger --help` for usage.");
        return Usage;
    }
}

/// <summary>A command was called wrongly; the message says how to call it.</summary>
public sealed class UsageException(string message) : Exception(message);
