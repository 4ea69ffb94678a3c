using System.Text.Json.Nodes;

namespace Ledger.Api.Tests.Protection;

/// <summary>L2 and L4 submissions whose subject and text are unique markers, so a test can look for them byte by byte.</summary>
internal static class SensitiveSamples
{
    /// <summary>A subject reference (or marker) no other test uses; letters only after the prefix, so it never looks like an ID number.</summary>
    public static string NewRef(string prefix) => $"{prefix}-{string.Concat(Guid.NewGuid().ToByteArray().Take(12).Select(b => (char)('a' + (b % 26))))}";

    public static JsonObject CheckIn(string subjectRef, string? note = null)
    {
        var submission = Samples.CheckIn();
        var payload = submission["payload"]!.AsObject();
        payload["subjectRef"] = subjectRef;
        if (note is not null)
        {
            payload["note"] = note;
        }
        return submission;
    }

    public static JsonObject VolunteerService(string volunteerRef, string? activity = null)
    {
        var submission = Samples.VolunteerService();
        var payload = submission["payload"]!.AsObject();
        payload["volunteerRef"] = volunteerRef;
        if (activity is not null)
        {
            payload["activity"] = activity;
        }
        return submission;
    }
}
