using Ledger.Api.Problems;
using Ledger.Data.Records;

namespace Ledger.Api.Records;

/// <summary>The answer for a record whose payload was erased: 410 Gone, since the envelope is destroyed for good.</summary>
internal static class RecordGone
{
    public static LedgerProblem Problem(StoredRecord record)
    {
        var when = record.ErasedAtMs is { } ms
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture)
            : "earlier";
        return new(StatusCodes.Status410Gone, "Record erased",
            $"The payload of this record was erased ({when}); no one can read it any more. Its hash and proof still verify at /api/v1/verify/{record.RecordHash}.");
    }
}
