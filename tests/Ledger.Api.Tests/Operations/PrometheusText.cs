using System.Globalization;
using System.Text.RegularExpressions;

namespace Ledger.Api.Tests.Operations;

/// <summary>A scrape in Prometheus' text format, read into series (name and labels as written) and their values.</summary>
internal sealed partial class PrometheusText
{
    private readonly Dictionary<string, double> _series = [];

    public PrometheusText(string text)
    {
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var match = Sample().Match(line);
            Assert.True(match.Success, $"Not a sample line: {line}");
            _series[match.Groups[1].Value + match.Groups[2].Value] = double.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Every series, e.g. <c>ledger_records_accepted_total{domain="food-safety"}</c>.</summary>
    public IReadOnlyDictionary<string, double> Series => _series;

    /// <summary>The value of one series, failing the test when it is missing.</summary>
    public double this[string series] =>
        _series.TryGetValue(series, out var value) ? value : throw new Xunit.Sdk.XunitException($"No series {series} in the scrape; it has: {string.Join(", ", _series.Keys)}");

    /// <summary>The label values used anywhere, for checking that none carries personal data.</summary>
    public IEnumerable<string> LabelValues => _series.Keys.SelectMany(k => LabelValue().Matches(k).Select(m => m.Groups[1].Value));

    [GeneratedRegex(@"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)$")]
    private static partial Regex Sample();

    [GeneratedRegex("=\"([^\"]*)\"")]
    private static partial Regex LabelValue();
}
