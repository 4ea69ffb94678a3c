using Ledger.Core.Records;
using Ledger.Core.Records.Schemas;

namespace Ledger.Core.Tests.Records.TestTypes.Widget;

/// <summary>testing/widget: a record type that lives only in the tests, in two versions, built the way real modules are.</summary>
internal static class TestWidget
{
    public static RecordTypeDefinition Definition { get; } = new("testing", "widget", DataLevel.Internal, "A widget, for tests.")
    {
        SubjectField = "ownerRef",
        SubmittedBy = ["community-worker"],
        Versions =
        [
            new(1, PayloadSchema.Embedded(typeof(TestWidget), "widget.v1.schema.json")),
            new(2, PayloadSchema.Embedded(typeof(TestWidget), "widget.v2.schema.json")),
        ],
    };
}
