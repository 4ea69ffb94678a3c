using System.Text.Json;
using Ledger.Core.Encoding;
using static Ledger.Chain.Tests.Conformance.EthersVectors;

namespace Ledger.Chain.Tests.Conformance;

public sealed class EthersTransactionTests(EthersVectors vectors) : IClassFixture<EthersVectors>
{
    [Fact]
    public void TheVectorsCoverContractCreationLongDataAndLargeChainIds()
    {
        var all = vectors.Transactions.ToList();
        Assert.Equal(3 * PerSeed, all.Count);
        Assert.Contains(all, v => v.GetProperty("to").ValueKind == JsonValueKind.Null);
        Assert.Contains(all, v => Hex.Decode(Text(v, "data")).Length > 1024);
        Assert.Contains(all, v => Hex.Decode(Text(v, "data")).Length is > 55 and <= 1024);
        Assert.Contains(all, v => Hex.Decode(Text(v, "data")).Length == 0);
        Assert.Contains(all, v => U64(v, "chainId") > uint.MaxValue);
    }

    [Fact]
    public void AddressesMatchEthers()
    {
        foreach (var v in vectors.Transactions)
        {
            Assert.Equal(Text(v, "address"), EthereumKey.FromPrivateKey(Text(v, "privateKey")).Address);
        }
    }

    [Fact]
    public void Eip1559SigningHashesMatchEthers()
    {
        foreach (var v in vectors.Transactions)
        {
            Assert.Equal(Text(v.GetProperty("eip1559"), "signingHash"), Hex.Encode(Eip1559(v).SigningHash()));
        }
    }

    [Fact]
    public void SignedEip1559TransactionsMatchEthersByteForByte()
    {
        foreach (var v in vectors.Transactions)
        {
            var signed = Eip1559(v).Sign(EthereumKey.FromPrivateKey(Text(v, "privateKey")));
            var expected = v.GetProperty("eip1559");
            Assert.Equal(Text(expected, "raw"), Hex.Encode(signed.Raw));
            Assert.Equal(Text(expected, "hash"), signed.Hash);
        }
    }

    [Fact]
    public void LegacySigningHashesMatchEthers()
    {
        foreach (var v in vectors.Transactions)
        {
            Assert.Equal(Text(v.GetProperty("legacy"), "signingHash"), Hex.Encode(Legacy(v).SigningHash()));
        }
    }

    [Fact]
    public void SignedLegacyTransactionsMatchEthersByteForByte()
    {
        foreach (var v in vectors.Transactions)
        {
            var signed = Legacy(v).Sign(EthereumKey.FromPrivateKey(Text(v, "privateKey")));
            var expected = v.GetProperty("legacy");
            Assert.Equal(Text(expected, "raw"), Hex.Encode(signed.Raw));
            Assert.Equal(Text(expected, "hash"), signed.Hash);
        }
    }

    private static Eip1559Transaction Eip1559(JsonElement v) => new(
        U64(v, "chainId"), U64(v, "nonce"), Big(v, "maxPriorityFeePerGas"), Big(v, "maxFeePerGas"), U64(v, "gasLimit"),
        v.GetProperty("to").GetString(), Big(v, "value"), Hex.Decode(Text(v, "data")));

    private static LegacyTransaction Legacy(JsonElement v) => new(
        U64(v, "chainId"), U64(v, "nonce"), Big(v, "gasPrice"), U64(v, "gasLimit"),
        v.GetProperty("to").GetString(), Big(v, "value"), Hex.Decode(Text(v, "data")));
}
