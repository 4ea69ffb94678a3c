using System.Text.Json.Nodes;
using Ledger.Core.Encoding;

namespace Ledger.Core.Records.Chains;

/// <summary>
/// A record's place in its chain, written into its payload as <c>"chain": { "seq": n, "previous": "0x…" }</c> by the
/// commit that stores it: its sequence number (1, 2, 3, … with no gaps) and the record hash of the record before it
/// (<see cref="Genesis"/> for the first). Inside the payload, so it is sealed, signed, hashed and anchored with the
/// record: whoever holds a chain's records can prove that none is missing, added or reordered
/// (<see cref="ChainCheck"/>), without asking the service.
/// </summary>
/// <param name="Sequence">1 for the first record of the chain.</param>
/// <param name="Previous">The previous record's hash, or <see cref="Genesis"/> for the first.</param>
public sealed record ChainLink(long Sequence, string Previous)
{
    /// <summary>The payload member that holds the link.</summary>
    public const string Field = "chain";

    /// <summary>The link's member naming the sequence number.</summary>
    public const string SequenceField = "seq";

    /// <summary>The link's member naming the previous record's hash.</summary>
    public const string PreviousField = "previous";

    /// <summary>The <c>previous</c> of a chain's first record: 32 zero bytes.</summary>
    public const string Genesis = "0x0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The first link of a chain.</summary>
    public static ChainLink First { get; } = new(1, Genesis);

    /// <summary>The link after a record with hash <paramref name="recordHash"/> at this link's place.</summary>
    public ChainLink Next(string recordHash) => new(Sequence + 1, recordHash);

    /// <summary>The link as its payload member.</summary>
    public JsonObject ToJson() => new() { [SequenceField] = Sequence, [PreviousField] = Previous };

    /// <summary>
    /// The link in a payload, or null with <paramref name="problem"/> saying why: none, or not a whole number and a
    /// 0x hash. A payload that passed its schema always has a well-formed one.
    /// </summary>
    public static ChainLink? Read(JsonObject payload, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(payload);
        problem = null;
        if (payload[Field] is not JsonObject link)
        {
            problem = $"has no {Field} member";
            return null;
        }
        if (link[SequenceField] is not JsonValue seq || !seq.TryGetValue<long>(out var sequence) || sequence < 1)
        {
            problem = $"{Field}.{SequenceField} is not a whole number from 1";
            return null;
        }
        if (link[PreviousField] is not JsonValue previous || !previous.TryGetValue<string>(out var hash) || !IsHash(hash))
        {
            problem = $"{Field}.{PreviousField} is not 0x and 64 lower-case hex digits";
            return null;
        }
        return new ChainLink(sequence, hash);
    }

    private static bool IsHash(string text) => Hex.IsFixed(text, 32) && text == text.ToLowerInvariant();
}
