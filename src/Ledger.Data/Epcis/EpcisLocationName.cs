namespace Ledger.Data.Epcis;

/// <summary>
/// The name an organisation gave a place (a GLN or other location identifier, in canonical form) in the master data of
/// a document it captured. One row per place and organisation; the latest document's name wins.
/// </summary>
public sealed class EpcisLocationName
{
    public required string Identifier { get; init; }
    public required string Organisation { get; init; }
    public required string Name { get; set; }
    public required string CaptureId { get; set; }
    public required long NamedAtMs { get; set; }
}
