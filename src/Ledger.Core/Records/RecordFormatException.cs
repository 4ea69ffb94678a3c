namespace Ledger.Core.Records;

/// <summary>A record envelope that is not well formed; <see cref="Field"/> names the JSON field at fault.</summary>
public sealed class RecordFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="field"/> (an envelope field name such as <c>salt</c>).</summary>
    public RecordFormatException(string field, string message)
        : base($"{field}: {message}")
    {
        Field = field;
    }

    /// <summary>The envelope field at fault, as named in JSON.</summary>
    public string Field { get; }
}
