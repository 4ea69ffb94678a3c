using Ledger.Core.Records.Schemas;
using Ledger.Core.Records.Types.SharedCommunity.Decisions;
using Ledger.Core.Records.Types.SharedCommunity.TimeBank;

namespace Ledger.Core.Records.Types.SharedCommunity.Decision;

/// <summary>
/// shared-community/decision: the tally of a proposal after its window closed — votes per option, quorum, outcome —
/// and, for a secret ballot, every vote's opening, so anyone can recount from the anchored records.
/// </summary>
public static class SharedCommunityDecision
{
    /// <summary>The record type; L1. The service tallies and writes it once per proposal.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.SharedCommunity,
        "decision",
        DataLevel.Public,
        "The tally and outcome of a proposal, with a secret ballot's openings so anyone can recount.")
    {
        Grants = CommunityStaff.ServiceWritten,
        Versions =
        [
            new(1, PayloadSchema.Embedded(typeof(SharedCommunityDecision), "decision.v1.schema.json")),
            new(2, PayloadSchema.Embedded(typeof(SharedCommunityDecision), "decision.v2.schema.json")),
        ],
        StatefulRules = [ResidentDecisions.DecidedOnce],
        Projections = [ResidentDecisions.Proposals],
    };
}
