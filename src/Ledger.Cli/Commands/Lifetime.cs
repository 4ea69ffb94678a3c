using System.Globalization;

namespace Ledger.Cli.Commands;

/// <summary>Reads a key lifetime such as <c>90d</c>, <c>12h</c> or <c>30m</c>.</summary>
internal static class Lifetime
{
    public static TimeSpan Parse(string text)
    {
        if (text.Length >= 2 && int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            switch (text[^1])
            {
                case 'd': return TimeSpan.FromDays(n);
                case 'h': return TimeSpan.FromHours(n);
                case 'm': return TimeSpan.FromMinutes(n);
            }
        }
        throw new UsageException($"--expires-in takes a number and a unit: d (days), h (hours) or m (minutes), e.g. 90d; not '{text}'.");
    }
}
