using Ledger.Data;
using Ledger.Data.Access;

namespace Ledger.Api.Access;

/// <summary>
/// At start, logs a warning for every usable API key the policy will refuse because its role does not fit its
/// organisation's kind, and for every key of an unregistered organisation, whose role cannot be checked. Keys are
/// named by their public id, never by their secret.
/// </summary>
internal sealed class UnfitKeysWarning(IServiceScopeFactory scopes, TimeProvider time, ILogger<UnfitKeysWarning> log) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LedgerDbContext>();
        foreach (var key in await new KeyRegistry(db, time).ListUnfitAsync(cancellationToken))
        {
            if (key.Kind is null)
            {
                log.LogWarning(
                    "API key {KeyId} ({Role}) acts for {Organisation}, which is not a registered organisation, so its role cannot be checked against a kind. " +
                    "Register the organisation (ledger orgs create) or revoke the key.", key.Id, key.Role, key.Organisation);
            }
            else
            {
                log.LogWarning(
                    "API key {KeyId} is refused: its role {Role} does not fit its organisation {Organisation} of kind {OrganisationKind}, whose staff may hold {FittingRoles}. " +
                    "Revoke it (ledger keys revoke) and issue a key of a fitting role.",
                    key.Id, key.Role, key.Organisation, key.Kind, string.Join(", ", RoleAssignments.RolesFor(key.Kind)));
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
