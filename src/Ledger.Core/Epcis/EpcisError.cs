namespace Ledger.Core.Epcis;

/// <summary>
/// One problem with an EPCIS document: the event it is in (its index in the event list), the JSON path of the field
/// from the document root (<c>epcisBody.eventList[3].action</c>), the field within its event (<c>action</c>), and what
/// is wrong. <see cref="EventIndex"/> and <see cref="Field"/> are null for a problem outside any event.
/// </summary>
public sealed record EpcisError(int? EventIndex, string Path, string? Field, string Message)
{
    /// <summary>A problem with the document as a whole or a field outside the events.</summary>
    public static EpcisError Document(string path, string message) => new(null, path, null, message);

    /// <inheritdoc />
    public override string ToString() => EventIndex is { } i ? $"event {i}, {Field}: {Message}" : $"{Path}: {Message}";
}
