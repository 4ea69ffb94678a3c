namespace Ledger.Cli.Commands;

/// <summary>Plain-text columns, padded to the widest cell, for lists an operator reads or greps.</summary>
internal static class Table
{
    public static string Render(string[] headers, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { headers };
        all.AddRange(rows);
        var widths = headers.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        return string.Join(Environment.NewLine,
            all.Select(r => string.Join("  ", r.Select((cell, i) => i == r.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd()));
    }
}
