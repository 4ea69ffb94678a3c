using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Ledger.Chain.Embedded;
using Ledger.Chain.Tests.Fixtures;
using Ledger.Core.Encoding;
using Nethereum.Model;
using Nethereum.RLP;

namespace Ledger.Chain.Tests.Transactions;

/// <summary>Transactions signed by the hand-written code before the move to Nethereum are signed to the same bytes now.</summary>
public sealed class PreNethereumTransactionTests
{
    private static readonly EthereumKey DevKey = EthereumKey.FromPrivateKey(AnvilProcess.DevPrivateKeys[0]);

    private static List<JsonElement> Transactions()
    {
        using var fixture = PreNethereumFixture.Read("transactions.json");
        return [.. fixture.RootElement.GetProperty("transactions").EnumerateArray().Select(t => t.Clone())];
    }

    private static ulong U64(JsonElement t, string name) => ulong.Parse(t.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    private static BigInteger Big(JsonElement t, string name) => BigInteger.Parse(t.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    private static SignedTransaction SignAgain(JsonElement t)
    {
        var data = Hex.Decode(t.GetProperty("data").GetString()!);
        var to = t.GetProperty("to").GetString();
        return t.GetProperty("type").GetInt32() == 2
            ? TransactionSigning.SignEip1559(DevKey, U64(t, "chainId"), U64(t, "nonce"), Big(t, "maxPriorityFeePerGas"), Big(t, "maxFeePerGas"), U64(t, "gasLimit"), to, 0, data)
            : TransactionSigning.SignLegacy(DevKey, U64(t, "chainId"), U64(t, "nonce"), Big(t, "gasPrice"), U64(t, "gasLimit"), to, 0, data);
    }

    [Fact]
    public void SigningTheSameFieldsAgainGivesTheSameRawBytesAndHash()
    {
        var transactions = Transactions();
        Assert.Equal(3, transactions.Count);
        foreach (var t in transactions)
        {
            var signed = SignAgain(t);
            Assert.Equal(t.GetProperty("raw").GetString(), Hex.Encode(signed.Raw));
            Assert.Equal(t.GetProperty("hash").GetString(), signed.Hash);
        }
    }

    [Fact]
    public void NethereumDecodesTheOldTransactionsAndTheirSignaturesRecoverToTheSender()
    {
        foreach (var t in Transactions())
        {
            var decoded = TransactionFactory.CreateTransaction(t.GetProperty("raw").GetString()!);
            Assert.Equal(t.GetProperty("hash").GetString(), Hex.Encode(decoded.Hash));
            var signature = decoded.Signature;
            var v = signature.V.ToBigIntegerFromRLPDecoded();
            var parity = (byte)(t.GetProperty("type").GetInt32() == 2 ? v : (v - 35) % 2);
            var recovered = EcdsaRecovery.RecoverAddress(decoded.RawHash, new EcdsaSignature(Word(signature.R), Word(signature.S), parity));
            Assert.Equal(t.GetProperty("from").GetString(), recovered);
        }
    }

    [Fact]
    public void TheAnchoringTransactionsAreTheOnesTheOldBundlesName()
    {
        using var bundles = PreNethereumFixture.Read("bundles.json");
        var named = bundles.RootElement.GetProperty("bundles").EnumerateArray()
            .Where(b => b.TryGetProperty("anchor", out var a) && a.ValueKind == JsonValueKind.Object)
            .Select(b => b.GetProperty("anchor").GetProperty("txHash").GetString())
            .ToHashSet();
        Assert.Equal(named, Transactions().Where(t => t.GetProperty("type").GetInt32() == 2).Select(t => t.GetProperty("hash").GetString()).ToHashSet());
    }

    private static byte[] Word(byte[] value) => [.. new byte[32 - value.Length], .. value];
}
