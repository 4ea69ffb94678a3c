namespace Ledger.Core.Records.Chains;

/// <summary>One record as a chain check sees it: its hash (recomputed from its envelope by whoever checks) and its link.</summary>
/// <param name="RecordHash">The record's hash, 0x and 64 lower-case hex digits.</param>
/// <param name="Link">The link its payload carries, or null when it carries none (or none that can be read).</param>
public sealed record ChainedRecord(string RecordHash, ChainLink? Link);

/// <summary>What a chain check found about one record, in the order the records were given.</summary>
/// <param name="RecordHash">The record.</param>
/// <param name="Sequence">Its sequence number, when it has a link.</param>
/// <param name="Problem">Why it does not follow the record before it; null when it does.</param>
public sealed record ChainVerdict(string RecordHash, long? Sequence, string? Problem)
{
    /// <summary>True when the record is where its link says.</summary>
    public bool IsLinked => Problem is null;
}

/// <summary>The result of checking a run of records: one verdict per record, and whether the run is whole.</summary>
/// <param name="Verdicts">One per record, in the order given.</param>
/// <param name="FirstSequence">The sequence number the run starts at (1 when it starts at the chain's beginning).</param>
/// <param name="LastSequence">The sequence number it ends at.</param>
/// <param name="Problems">Every problem, first first; empty when the run is whole.</param>
public sealed record ChainReport(IReadOnlyList<ChainVerdict> Verdicts, long? FirstSequence, long? LastSequence, IReadOnlyList<string> Problems)
{
    /// <summary>True when no record is missing, added, altered in its link or out of order.</summary>
    public bool IsWhole => Problems.Count == 0;
}

/// <summary>
/// Checks that records given in chain order form one unbroken run: each carries a link, the first of a run that starts
/// the chain names <see cref="ChainLink.Genesis"/>, and each next one has the next sequence number and names the hash
/// of the one before it. A record dropped, inserted, swapped or with an altered link breaks it at that place. A run may
/// start later than record 1 (an excerpt); then its first link names a record outside the run, which the check
/// reports but cannot judge. When the chain's head is known, a run that stops short
/// of it is refused too, so the tail cannot be dropped.
/// </summary>
public static class ChainCheck
{
    /// <summary>Checks <paramref name="records"/>, given in the order they claim to be in.</summary>
    /// <param name="records">The run, in chain order.</param>
    /// <param name="expectedLast">The last record the run must end with, when known (e.g. a case's head as stated when the run was cut).</param>
    public static ChainReport Check(IReadOnlyList<ChainedRecord> records, ChainedRecord? expectedLast = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        var verdicts = new List<ChainVerdict>(records.Count);
        var problems = new List<string>();
        ChainedRecord? before = null;
        foreach (var record in records)
        {
            var problem = ProblemOf(record, before);
            verdicts.Add(new ChainVerdict(record.RecordHash, record.Link?.Sequence, problem));
            if (problem is not null)
            {
                problems.Add($"record {record.RecordHash}: {problem}");
            }
            before = record;
        }
        if (records.Count == 0)
        {
            problems.Add("there are no records to check");
        }
        else if (expectedLast is not null && (before!.RecordHash != expectedLast.RecordHash))
        {
            problems.Add($"the run ends with record {before.RecordHash} (number {before.Link?.Sequence}), not with {expectedLast.RecordHash} (number {expectedLast.Link?.Sequence}) as stated: records at the end are missing");
        }
        return new ChainReport(verdicts, records.FirstOrDefault()?.Link?.Sequence, records.LastOrDefault()?.Link?.Sequence, problems);
    }

    private static string? ProblemOf(ChainedRecord record, ChainedRecord? before)
    {
        if (record.Link is not { } link)
        {
            return "it carries no chain link";
        }
        if (before is null)
        {
            return link.Sequence == 1 && link.Previous != ChainLink.Genesis
                ? "it is number 1 but names a previous record"
                : null;
        }
        if (before.Link is not { } previous)
        {
            return null; // already reported: nothing to compare with
        }
        if (link.Sequence != previous.Sequence + 1)
        {
            return link.Sequence > previous.Sequence + 1
                ? $"it is number {link.Sequence}, but the record before it is number {previous.Sequence}: {(link.Sequence - previous.Sequence - 1 == 1 ? "1 record is" : $"{link.Sequence - previous.Sequence - 1} records are")} missing"
                : $"it is number {link.Sequence}, but follows number {previous.Sequence}: out of order or repeated";
        }
        return link.Previous == before.RecordHash
            ? null
            : $"it names {link.Previous} as the record before it, not {before.RecordHash}";
    }
}
