using Ledger.Core.Records.Schemas;
using Ledger.Core.Records.Types.SharedCommunity.TimeBank;

namespace Ledger.Core.Records.Types.SharedCommunity.VolunteerService;

/// <summary>shared-community/volunteer-service: hours one volunteer gave on one day, credited to the community time bank.</summary>
public static class SharedCommunityVolunteerService
{
    /// <summary>The record type; L2 because residents may check the time bank but it is not for the open web.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.SharedCommunity,
        "volunteer-service",
        DataLevel.Internal,
        "Volunteer service hours given on one day; credited to the community time bank once a second person confirms them.")
    {
        SubjectField = "volunteerRef",
        SubmittedBy = ["community-worker"],
        Versions = [new(1, PayloadSchema.Embedded(typeof(SharedCommunityVolunteerService), "volunteer-service.v1.schema.json"))],
        // Its hours are pending until a second person confirms them (service-confirmation); only then can they be spent.
        Projections = [TimebankBalance.Projection],
    };
}
