using System.Text;

namespace Ledger.Data.Records;

/// <summary>How an L2+ envelope is bound to its row when sealed: shared by the service that seals and the tools that open.</summary>
public static class SealedEnvelopes
{
    /// <summary>
    /// The associated data a record's envelope is sealed with: the record id binds each sealed envelope to its row, so
    /// copied into another row it fails to open.
    /// </summary>
    public static byte[] AssociatedData(string recordId) => Encoding.UTF8.GetBytes("record:" + recordId);
}
