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
        // Each vector is signed twice, as EIP-1559 and as legacy EIP-155: 2000 signed transactions in all.
        Assert.Equal(Seeds.Length * PerSeed, all.Count);
        Assert.True(all.Count >= 500);
        Assert.Contains(all, v => v.GetProperty("to").ValueKind == JsonValueKind.Null);
        Assert.Contains(all, v => Hex.Decode(Text(v, "data")).Length >= 3072);
        Assert.Contains(all, v => Hex.Decode(Text(v, "data")).Length is > 1024 and < 3072);
        Assert.Contains(all, v => Hex.Decode(Text(v, "data")).Length is > 55 and <= 1024);
        Assert.Contains(all, v => Hex.Decode(Text(v, "data")).Length == 0);
        Assert.Contains(all, v => U64(v, "chainId") > uint.MaxValue);
        Assert.Contains(all, v => U64(v, "chainId") == ulong.MaxValue);
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
            Assert.Equal(Text(v.GetProperty("eip1559"), "signingHash"), Hex.Encode(TransactionSigning.Eip1559SigningHash(
                U64(v, "chainId"), U64(v, "nonce"), Big(v, "maxPriorityFeePerGas"), Big(v, "maxFeePerGas"), U64(v, "gasLimit"), To(v), Big(v, "value"), Data(v))));
        }
    }

    [Fact]
    public void SignedEip1559TransactionsMatchEthersByteForByte()
    {
        foreach (var v in vectors.Transactions)
        {
            var signed = Eip1559(v, EthereumKey.FromPrivateKey(Text(v, "privateKey")));
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
            Assert.Equal(Text(v.GetProperty("legacy"), "signingHash"), Hex.Encode(TransactionSigning.LegacySigningHash(
                U64(v, "chainId"), U64(v, "nonce"), Big(v, "gasPrice"), U64(v, "gasLimit"), To(v), Big(v, "value"), Data(v))));
        }
    }

    [Fact]
    public void SignedLegacyTransactionsMatchEthersByteForByte()
    {
        foreach (var v in vectors.Transactions)
        {
            var signed = Legacy(v, EthereumKey.FromPrivateKey(Text(v, "privateKey")));
            var expected = v.GetProperty("legacy");
            Assert.Equal(Text(expected, "raw"), Hex.Encode(signed.Raw));
            Assert.Equal(Text(expected, "hash"), signed.Hash);
        }
    }

    private static SignedTransaction Eip1559(JsonElement v, ITransactionSigner key) => TransactionSigning.SignEip1559(
        key, U64(v, "chainId"), U64(v, "nonce"), Big(v, "maxPriorityFeePerGas"), Big(v, "maxFeePerGas"), U64(v, "gasLimit"), To(v), Big(v, "value"), Data(v));

    private static SignedTransaction Legacy(JsonElement v, ITransactionSigner key) => TransactionSigning.SignLegacy(
        key, U64(v, "chainId"), U64(v, "nonce"), Big(v, "gasPrice"), U64(v, "gasLimit"), To(v), Big(v, "value"), Data(v));

    private static string? To(JsonElement v) => v.GetProperty("to").GetString();

    private static byte[] Data(JsonElement v) => Hex.Decode(Text(v, "data"));
}
