namespace Ledger.Core.Epcis;

/// <summary>Choices in computing EPCIS event hash IDs beyond CBV 2.0 itself.</summary>
public sealed record EventHashOptions
{
    /// <summary>The namespace of the reference implementation's "ignoreFields" convention.</summary>
    public const string IgnoreFieldsNamespace = "https://repository-x.example.com/";

    /// <summary>The defaults: CBV 2.0 as written, every field of an event counted.</summary>
    public static EventHashOptions Default { get; } = new();

    /// <summary>
    /// Honour a document's <c>{https://repository-x.example.com/}ignoreFields</c> list, which names top-level event
    /// fields to leave out of the hash (the reference implementation's repository extension, not part of CBV 2.0).
    /// Off by default: a sender could otherwise keep any field of its choice out of the ID.
    /// </summary>
    public bool HonourIgnoreFields { get; init; }
}
