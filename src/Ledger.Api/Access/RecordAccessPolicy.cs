using Ledger.Data.Records;

namespace Ledger.Api.Access;

/// <summary>Who may read a stored record's envelope. Endpoints ask here; they never decide on their own.</summary>
public static class RecordAccessPolicy
{
    /// <summary>Auditors and admins read everything; a submitting role reads its own domain.</summary>
    public static bool CanRead(Caller caller, StoredRecord record) => caller.Role switch
    {
        Roles.Auditor or Roles.Admin => true,
        var role => Roles.SubmitsTo(role) == record.Domain,
    };
}
