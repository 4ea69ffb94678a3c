using System.CommandLine;
using Ledger.Cli.CommandLine;
using Ledger.Data.Access;

namespace Ledger.Cli.Commands.Keys;

/// <summary>
/// <c>ledger keys create</c>: an API key for staff of a registered organisation. The key is printed once and only its
/// hash is stored.
/// </summary>
internal sealed class KeysCreateCommand : OperatorCommand
{
    private readonly RequiredOption<string> _organisation = new("--org", "id", "cn-330106-market-supervision",
        "The registered organisation the staff member works for.");

    private readonly RequiredOption<string> _role = new("--role", "role", StaffRoles.Inspector,
        $"{string.Join(", ", StaffRoles.All)}; each fits one kind of organisation (see ledger orgs create --kind).");

    private readonly Option<TimeSpan?> _expiresIn = new("--expires-in")
    {
        HelpName = "90d",
        Description = "How long the key works: a number and d (days), h (hours) or m (minutes); 90 days if left out.",
        CustomParser = Lifetime.Parse,
    };

    private readonly Option<string?> _label = Symbols.Optional("--label", "text", "A note for the key list, e.g. a badge number.");

    private readonly Option<string?> _staff = Symbols.Optional("--staff", "id", "An existing staff account (stf_…) to give another key.");

    public KeysCreateCommand() : base("create",
        "Issue an API key (printed once) for a new staff account, or for an existing one with --staff. A role that does "
        + "not fit the organisation's kind is refused, naming the one that does.")
    {
        Options.Add(_organisation);
        Options.Add(_role);
        Options.Add(_expiresIn);
        Options.Add(_label);
        Options.Add(_staff);
    }

    protected override async Task<int> RunAsync(ParseResult result, string dataDirectory, TextWriter output, TextWriter error, CancellationToken ct)
    {
        await using var store = await OperatorStore.OpenAsync(dataDirectory, error);
        var issued = await new KeyRegistry(store.Db, TimeProvider.System).CreateAsync(result.GetRequiredValue(_organisation),
            result.GetRequiredValue(_role), result.GetValue(_label), result.GetValue(_expiresIn), result.GetValue(_staff), ct);
        await output.WriteLineAsync($"Created key {issued.Key.Id} for staff {issued.Staff.Id} ({issued.Key.Role} of {issued.Key.Organisation}), " +
            $"expires {Table.Time(DateTimeOffset.FromUnixTimeMilliseconds(issued.Key.ExpiresAtMs!.Value))}.");
        await output.WriteLineAsync();
        await output.WriteLineAsync($"  {issued.Text}");
        await output.WriteLineAsync();
        await output.WriteLineAsync("Store this key now, somewhere only its holder can read: it is shown once and cannot be recovered");
        await output.WriteLineAsync("(only its hash is kept). Send it as the X-Api-Key header. Revoke it with `ledger keys revoke`.");
        return 0;
    }
}
