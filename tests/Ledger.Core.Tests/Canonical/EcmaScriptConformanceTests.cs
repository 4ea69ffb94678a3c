using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Core.Canonical;
using Ledger.Testing;

namespace Ledger.Core.Tests.Canonical;

public sealed class EcmaScriptConformanceTests
{
    [Fact]
    public async Task NumbersAreWrittenExactlyAsNodeWritesThemAndReadBackUnchanged()
    {
        var doubles = SampleDoubles().ToList();
        var request = JsonSerializer.Serialize(new
        {
            bits = doubles.Select(d => BitConverter.DoubleToUInt64Bits(d).ToString("x16", CultureInfo.InvariantCulture)),
        });

        var response = JsonDocument.Parse(await NodeScript.RunAsync("tests/Ledger.Core.Tests/js/number-vectors.mjs", request));

        var expected = response.RootElement.GetProperty("texts").EnumerateArray().Select(t => t.GetString()!).ToList();
        Assert.Equal(doubles.Count, expected.Count);
        for (var i = 0; i < doubles.Count; i++)
        {
            var ours = JsonCanonicalizer.CanonicalizeToString(JsonValue.Create(doubles[i]));
            Assert.True(expected[i] == ours, $"{doubles[i]:R}: node writes {expected[i]}, we write {ours}");
            // The canonical text of a double is always exact, so the strict policy must accept it unchanged.
            Assert.Equal(ours, JsonCanonicalizer.CanonicalizeToString(ours));
        }
    }

    private static IEnumerable<double> SampleDoubles()
    {
        double[] edges =
        [
            0, -0.0, double.Epsilon, -double.Epsilon, double.MaxValue, double.MinValue, 2.2250738585072014e-308,
            1e21, 1e21 - 65536, 999999999999999900000.0, 1e-6, 1e-7, 9.999999999999999e-7, 0.1, 0.2, 0.3, 1.0 / 3,
            9007199254740992, 9007199254740994, 123456789012345680000.0, 5e-324, 1.5, 100, 1e100, 1.7976931348623157e308,
        ];
        foreach (var edge in edges)
        {
            yield return edge;
        }
        var random = new Random(8785);
        var bytes = new byte[8];
        for (var i = 0; i < 3000; i++)
        {
            random.NextBytes(bytes);
            var bits = BitConverter.ToDouble(bytes);
            if (double.IsFinite(bits))
            {
                yield return bits;
            }
            // Decimal-looking values near the plain/exponent boundaries, where layout bugs would hide.
            yield return Math.Round(random.NextDouble() * 1000, random.Next(0, 8)) * Math.Pow(10, random.Next(-12, 24));
        }
    }
}
