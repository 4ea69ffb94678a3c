namespace Ledger.Core.Epcis;

/// <summary>
/// Strings ordered by Unicode code point, which is the order of their UTF-8 bytes (CBV 2.0: "case-sensitive lexical
/// ordering, considering UTF-8/ASCII code values"). Plain ordinal comparison of UTF-16 differs only where a surrogate
/// pair meets a character from U+E000 up; this comparer puts the supplementary character last, as UTF-8 does.
/// </summary>
internal sealed class CodePointOrder : IComparer<string>
{
    public static readonly CodePointOrder Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }
        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }
        var common = x.AsSpan().CommonPrefixLength(y);
        if (common == x.Length || common == y.Length)
        {
            return x.Length - y.Length;
        }
        char a = x[common], b = y[common];
        if (char.IsSurrogate(a) != char.IsSurrogate(b))
        {
            // Surrogates (U+D800–DFFF) encode code points above U+FFFF: they sort after every BMP character.
            return char.IsSurrogate(a) ? 1 : -1;
        }
        return a - b;
    }
}
