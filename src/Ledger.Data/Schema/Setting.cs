namespace Ledger.Data.Schema;

/// <summary>A named value the service remembers between runs (e.g. the embedded chain's contract address).</summary>
public sealed class Setting
{
    public required string Key { get; init; }
    public required string Value { get; set; }
}
