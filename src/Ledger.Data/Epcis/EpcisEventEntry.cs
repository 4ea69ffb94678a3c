namespace Ledger.Data.Epcis;

/// <summary>
/// The query and trace index of one captured EPCIS event (its record is a food-safety/epcis-event). The event itself is
/// in the record's sealed envelope; these columns are what <c>GET /epcis/events</c> filters on and what the trace walks,
/// in the canonical forms of the event hash (CBV Web URIs, constrained Digital Link URIs).
/// </summary>
public sealed class EpcisEventEntry
{
    /// <summary>The event's record id.</summary>
    public required string RecordId { get; init; }
    /// <summary>The capture job that stored it.</summary>
    public required string CaptureId { get; init; }
    /// <summary>The CBV 2.0 event hash ID; an error declaration repeats the hash ID of the event it corrects.</summary>
    public required string EventHashId { get; init; }
    /// <summary>The event's own <c>eventID</c>, when it has one.</summary>
    public string? EventId { get; init; }
    public required string EventType { get; init; }
    public required long EventTimeMs { get; init; }
    /// <summary>The business step as a CBV Web URI, e.g. <c>https://ref.gs1.org/cbv/BizStep-shipping</c>.</summary>
    public string? BizStep { get; init; }
    /// <summary>The business location, canonical (a Digital Link URI for a GS1 key).</summary>
    public string? BizLocation { get; init; }
    public string? Action { get; init; }
    /// <summary>Whether the event is an error declaration (it revokes the events it corrects).</summary>
    public required bool DeclaresError { get; init; }
}

/// <summary>One identifier an event names, and in which role (<see cref="EpcisIdentifierRoles"/>), canonical.</summary>
public sealed class EpcisEventIdentifier
{
    public long Id { get; init; }
    public required string RecordId { get; init; }
    public required string Role { get; init; }
    public required string Identifier { get; init; }
}

/// <summary>The roles an identifier plays in an event, as the index stores them.</summary>
public static class EpcisIdentifierRoles
{
    public const string Epc = "epc";
    public const string Parent = "parent";
    public const string Child = "child";
    public const string Input = "input";
    public const string Output = "output";
    public const string Quantity = "quantity";
    public const string ChildQuantity = "child-quantity";
    public const string InputQuantity = "input-quantity";
    public const string OutputQuantity = "output-quantity";
}
