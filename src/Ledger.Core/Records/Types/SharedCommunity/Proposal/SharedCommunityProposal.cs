using System.Globalization;
using System.Text.Json.Nodes;
using Ledger.Core.Records.Schemas;
using Ledger.Core.Records.Types.SharedCommunity.Decisions;

namespace Ledger.Core.Records.Types.SharedCommunity.Proposal;

/// <summary>shared-community/proposal: a question put to the community's registered households, open or secret ballot.</summary>
public static class SharedCommunityProposal
{
    /// <summary>The record type; L1 because residents read and discuss it.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.SharedCommunity,
        "proposal",
        DataLevel.Public,
        "A resident proposal put to the community's registered households, with options, a voting window and a quorum.")
    {
        SubmittedBy = ["community-worker"],
        Versions = [new(1, PayloadSchema.Embedded(typeof(SharedCommunityProposal), "proposal.v1.schema.json")) { Rules = [DistinctOptions, WindowInOrder] }],
        StatefulRules = [ResidentDecisions.ProposalUnique],
        Projections = [ResidentDecisions.Proposals],
    };

    private static PayloadError? DistinctOptions(JsonObject payload)
    {
        var options = payload["options"]!.AsArray().Select(o => o!.GetValue<string>()).ToList();
        return options.Distinct(StringComparer.Ordinal).Count() == options.Count ? null : new PayloadError("options", "must be different from each other");
    }

    private static PayloadError? WindowInOrder(JsonObject payload) =>
        DateTimeOffset.Parse(payload["closesAt"]!.GetValue<string>(), CultureInfo.InvariantCulture)
            > DateTimeOffset.Parse(payload["opensAt"]!.GetValue<string>(), CultureInfo.InvariantCulture)
            ? null
            : new PayloadError("closesAt", "must be later than opensAt");
}
