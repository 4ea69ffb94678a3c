namespace Ledger.Data.Access;

/// <summary>
/// Which roles the staff of each kind of organisation may hold, read from <see cref="RoleTable"/>: the key registry
/// (and so <c>ledger keys create</c>), the access policy and the start-up check all ask here (docs/security.md, "Roles
/// and kinds").
/// </summary>
public static class RoleAssignments
{
    /// <summary>The roles staff of a <paramref name="kind"/> organisation may hold; none for an unknown kind.</summary>
    public static IReadOnlyList<string> RolesFor(string kind) => [.. RoleTable.All.Where(r => r.Kinds.Contains(kind)).Select(r => r.Name)];

    /// <summary>Whether staff of a <paramref name="kind"/> organisation may hold <paramref name="role"/>.</summary>
    public static bool MayHold(string kind, string role) => RolesFor(kind).Contains(role);

    /// <summary>
    /// Why <paramref name="role"/> does not fit organisation <paramref name="organisation"/> of <paramref name="kind"/>,
    /// naming the roles it may hold; null when it fits. The same words for the CLI, the API and the logs.
    /// </summary>
    public static string? Mismatch(string organisation, string kind, string role)
    {
        if (MayHold(kind, role))
        {
            return null;
        }
        var allowed = RolesFor(kind);
        var holds = allowed.Count switch
        {
            0 => "no ledger role (the kind is unknown)",
            1 => $"only the role {allowed[0]}",
            _ => $"only the roles {string.Join(", ", allowed)}",
        };
        return $"The role '{role}' does not fit the organisation '{organisation}': it is of kind '{kind}', whose staff hold {holds}.";
    }
}
