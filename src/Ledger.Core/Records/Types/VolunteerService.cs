using Ledger.Core.Records.Schema;

namespace Ledger.Core.Records.Types;

/// <summary>shared-community/volunteer-service: hours one volunteer gave on one day, credited to the community time bank.</summary>
public static class VolunteerService
{
    /// <summary>The record type; L2 because residents may check the time bank but it is not for the open web.</summary>
    public static RecordTypeDefinition Definition { get; } = new(
        RecordDomains.SharedCommunity,
        "volunteer-service",
        DataLevel.Internal,
        "Volunteer service hours given on one day, credited to the community time bank.")
    {
        SubjectField = "volunteerRef",
        Fields =
        [
            PseudonymousRef.Field("volunteerRef", true, "Time-bank account reference of the volunteer; never a name, ID or phone number."),
            new TextField("activity", true, "What the volunteer did, e.g. \"elderly meal delivery\".", 200),
            new NumberField("hours", true, "Hours served that day, in hundredths at most.")
            {
                Minimum = 0,
                MinimumExclusive = true,
                Maximum = 24,
                MaxDecimals = 2,
            },
            new DateField("serviceDate", true, "The day the service was given (local date)."),
            new TextField("organizer", false, "The organisation or community group that ran the activity.", 200),
            new TextField("place", false, "Where the service took place, e.g. a community centre; not a home address.", 200),
        ],
    };
}
