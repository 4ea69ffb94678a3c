using System.CommandLine.Parsing;
using System.Globalization;

namespace Ledger.Cli.Commands;

/// <summary>Reads a key lifetime such as <c>90d</c>, <c>12h</c> or <c>30m</c> (the value of <c>--expires-in</c>).</summary>
internal static class Lifetime
{
    /// <summary>A custom parser for the option: the lifetime, or null and a usage error naming the units.</summary>
    public static TimeSpan? Parse(ArgumentResult result)
    {
        var text = result.Tokens[0].Value;
        if (text.Length >= 2 && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            switch (text[^1])
            {
                case 'd': return TimeSpan.FromDays(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'm': return TimeSpan.FromMinutes(n);
            }
        }
        result.AddError($"--expires-in takes a number and a unit: d (days), h (hours) or m (minutes), e.g. 90d; not '{text}'.");
        return null;
    }
}
