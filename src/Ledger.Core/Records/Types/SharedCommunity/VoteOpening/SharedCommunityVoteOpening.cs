using Ledger.Core.Records.Schemas;
using Ledger.Core.Records.Types.SharedCommunity.Decisions;
using Ledger.Core.Records.Types.SharedCommunity.TimeBank;

namespace Ledger.Core.Records.Types.SharedCommunity.VoteOpening;

/// <summary>
/// shared-community/vote-opening: a household opens the secret-ballot vote its own device committed to, after the
/// window closed and before the tally — the choice and its own salt. Until then the service holds only the commitment.
/// </summary>
public static class SharedCommunityVoteOpening
{
    /// <summary>The record type; L1. The service writes it on the household's own request (<c>…/proposals/{ref}/openings</c>).</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.SharedCommunity,
        "vote-opening",
        DataLevel.Public,
        "A household opens its own secret-ballot vote after the window closed: the choice and salt inside its commitment.")
    {
        SubjectField = "householdRef",
        Grants = CommunityStaff.ServiceWritten,
        Versions = [new(1, PayloadSchema.Embedded(typeof(SharedCommunityVoteOpening), "vote-opening.v1.schema.json"))],
        StatefulRules = [ResidentDecisions.OpeningValid],
        Projections = [ResidentDecisions.Openings],
    };
}
