using System.Text.Json.Nodes;
using Ledger.Core.Records.Types.CommunityCorrection.CheckIn;

namespace Ledger.Core.Tests.Records;

public sealed class CommunityCorrectionCheckInTests
{
    [Fact]
    public void TheExamplePayloadIsValid() => Assert.Empty(CommunityCorrectionCheckIn.Definition.ValidateSubmission(ExampleRecords.CheckInPayload()));

    [Fact]
    public void AMultilineNoteIsValid()
    {
        var payload = ExampleRecords.CheckInPayload();
        payload["note"] = "迟到 20 分钟。\n已说明原因：公交延误。";

        Assert.Empty(CommunityCorrectionCheckIn.Definition.ValidateSubmission(payload));
    }

    [Theory]
    [InlineData("110101199003078515")]
    [InlineData("11010119900307851X")]
    [InlineData("case-11010119900307851x")]
    public void ASubjectRefThatLooksLikeAPrcIdNumberIsRefused(string subjectRef) =>
        AssertOneError(p => p["subjectRef"] = subjectRef, "subjectRef", "PRC resident ID number");

    [Theory]
    [InlineData("13812345678")]
    [InlineData("SQJZ-110101900307851")]
    public void ASubjectRefWithALongRunOfDigitsIsRefused(string subjectRef) =>
        AssertOneError(p => p["subjectRef"] = subjectRef, "subjectRef", "run of");

    [Theory]
    [InlineData("张三")]
    [InlineData("zhang san")]
    [InlineData("ab")]
    public void ASubjectRefThatIsNotAReferenceIsRefused(string subjectRef) =>
        AssertOneError(p => p["subjectRef"] = subjectRef, "subjectRef", "must be");

    [Fact]
    public void AnOfficerRefIsScreenedLikeASubjectRef() =>
        AssertOneError(p => p["officerRef"] = "110101199003078515", "officerRef", "PRC resident ID number");

    [Theory]
    [InlineData("method", "video")]
    [InlineData("outcome", "absent")]
    public void AValueOutsideItsListIsRefused(string field, string value) =>
        AssertOneError(p => p[field] = value, field, "must be one of");

    [Fact]
    public void CoordinatesAreNotAField() =>
        AssertOneError(p => p["location"] = new JsonObject { ["lat"] = 31.2, ["lon"] = 121.4 }, "location", "not a known field");

    [Fact]
    public void ANoteWithControlCharactersIsRefused() =>
        AssertOneError(p => p["note"] = "late\u0007", "note", "control characters");

    private static void AssertOneError(Action<JsonObject> spoil, string field, string message)
    {
        var payload = ExampleRecords.CheckInPayload();
        spoil(payload);

        var error = Assert.Single(CommunityCorrectionCheckIn.Definition.ValidateSubmission(payload));

        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }
}
