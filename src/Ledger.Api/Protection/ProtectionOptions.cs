namespace Ledger.Api.Protection;

/// <summary>
/// Where the master key comes from (configuration section <c>Protection</c>). The key never comes from the database:
/// either <see cref="MasterKeyFile"/>, or the <c>LEDGER_MASTER_KEY</c> environment variable, or — in embedded mode
/// only — <c>master.key</c> in the data folder, created on first start.
/// </summary>
public sealed class ProtectionOptions
{
    public const string Section = "Protection";

    /// <summary>Path of a file holding the master key: 64 hex digits (0x optional) or 44 characters of base64.</summary>
    public string? MasterKeyFile { get; set; }
}
