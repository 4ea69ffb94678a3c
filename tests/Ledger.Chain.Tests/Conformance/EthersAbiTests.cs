using Ledger.Chain.Contracts;
using Ledger.Core.Encoding;
using Nethereum.Contracts;
using static Ledger.Chain.Tests.Conformance.EthersVectors;

namespace Ledger.Chain.Tests.Conformance;

public sealed class EthersAbiTests(EthersVectors vectors) : IClassFixture<EthersVectors>
{
    [Fact]
    public void AnchorCalldataMatchesEthers()
    {
        foreach (var v in vectors.Abi.Select(a => a.GetProperty("anchor")))
        {
            Assert.Equal(Text(v, "calldata"), Hex.Encode(LedgerAnchorContract.EncodeAnchor(Hex.Decode(Text(v, "root")), U64(v, "leafCount"))));
        }
    }

    [Fact]
    public void AnchoredAtCalldataAndResultMatchEthers()
    {
        foreach (var v in vectors.Abi.Select(a => a.GetProperty("anchoredAt")))
        {
            Assert.Equal(Text(v, "calldata"), Hex.Encode(new AnchoredAtFunction { Root = Hex.Decode(Text(v, "root")) }.GetCallData()));
            Assert.Equal(U64(v, "result"), new UInt64Output().DecodeOutput(Text(v, "returnData")).Value);
        }
    }

    [Fact]
    public void VerifyCalldataMatchesEthers()
    {
        foreach (var v in vectors.Abi.Select(a => a.GetProperty("verify")))
        {
            var proof = v.GetProperty("proof").EnumerateArray().Select(p => Hex.Decode(p.GetString()!)).ToList();
            var calldata = new VerifyFunction { RecordHash = Hex.Decode(Text(v, "recordHash")), Proof = proof, Root = Hex.Decode(Text(v, "root")) }.GetCallData();
            Assert.Equal(Text(v, "calldata"), Hex.Encode(calldata));
        }
    }

    [Fact]
    public void HasRoleCalldataMatchesEthers()
    {
        foreach (var v in vectors.Abi.Select(a => a.GetProperty("hasRole")))
        {
            Assert.Equal(Text(v, "calldata"), Hex.Encode(new HasRoleFunction { Role = LedgerAnchorAbi.AnchorerRole, Account = Text(v, "account") }.GetCallData()));
        }
    }

    [Fact]
    public void VersionStringsDecodeLikeEthers()
    {
        foreach (var v in vectors.Abi.Select(a => a.GetProperty("version")))
        {
            Assert.Equal(Text(v, "text"), new StringOutput().DecodeOutput(Text(v, "returnData")).Value);
        }
    }

    [Fact]
    public void DeploymentDataIsTheBytecodeFollowedByEthersConstructorEncoding()
    {
        foreach (var v in vectors.Abi.Select(a => a.GetProperty("deploy")))
        {
            var data = Hex.Encode(LedgerAnchorContract.EncodeDeploy(Text(v, "admin"), Text(v, "anchorer"), Text(v, "registrar")));
            Assert.Equal(LedgerAnchorContract.Bytecode + Text(v, "encodedArguments")[2..], data);
        }
    }

    [Fact]
    public void AnchorsWithIssuerKeyChangesEncodeLikeEthersMulticall()
    {
        foreach (var a in vectors.Abi)
        {
            var v = a.GetProperty("issuers");
            var anchor = a.GetProperty("anchor");
            var changes = v.GetProperty("keys").EnumerateArray()
                .Select(k => new IssuerKeyChange(Text(v, "organisationId"), Text(k, "key"), k.GetProperty("retire").GetBoolean()))
                .ToList();
            Assert.Equal(Text(v, "organisation"), Hex.Encode(IssuerKeyChange.OrganisationHash(Text(v, "organisationId"))));
            var calldata = LedgerAnchorContract.EncodeAnchor(Hex.Decode(Text(anchor, "root")), U64(anchor, "leafCount"), changes);
            var expected = changes.Count == 0 ? Text(anchor, "calldata") : Text(v, "anchorCalldata");
            Assert.Equal(expected, Hex.Encode(calldata));
        }
    }

    [Fact]
    public void IssuerKeyReadsEncodeAndDecodeLikeEthers()
    {
        foreach (var a in vectors.Abi)
        {
            var v = a.GetProperty("issuers");
            var registrar = Text(a.GetProperty("deploy"), "registrar");
            var validAt = new IsIssuerKeyValidAtFunction { Organisation = Hex.Decode(Text(v, "organisation")), Key = registrar, BlockNumber = U64(v, "blockNumber") };
            Assert.Equal(Text(v, "validAtCalldata"), Hex.Encode(validAt.GetCallData()));
            var output = new IssuerKeyOutput().DecodeOutput(Text(v, "issuerKeyReturnData"));
            Assert.Equal(U64(v, "validFromBlock"), output.ValidFromBlock);
            Assert.Equal(U64(v, "validUntilBlock"), output.ValidUntilBlock);
        }
    }

    [Fact]
    public void RootAnchoredLogsEncodedByEthersDecodeToTheSameValues()
    {
        var contract = new LedgerAnchorContract(new UnusedChainClient(), "0x5FbDB2315678afecb367f032d93F642f64180aa3");
        foreach (var v in vectors.Abi.Select(a => a.GetProperty("log")))
        {
            var topics = v.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToList();
            var log = new LogEntry(contract.Address, topics, Hex.Decode(Text(v, "data")), 0);
            var receipt = new TransactionReceipt("0x" + new string('a', 64), 7, "0x" + new string('b', 64), true, 1, 1, null, [log]);
            var found = contract.FindRootAnchored(receipt);
            Assert.NotNull(found);
            Assert.Equal(Big(v, "batchId"), found.BatchId);
            Assert.Equal(Text(v, "root"), found.Root);
            Assert.Equal(U64(v, "leafCount"), found.LeafCount);
        }
    }

    [Fact]
    public void CustomErrorsEncodedByEthersAreDescribedWithTheirArguments()
    {
        foreach (var v in vectors.Abi.Select(a => a.GetProperty("errors")))
        {
            var already = v.GetProperty("rootAlreadyAnchored");
            Assert.Equal(
                $"LedgerAnchorRootAlreadyAnchored(root={Text(already, "root")}, batchId={Big(already, "batchId")})",
                LedgerAnchorContract.DescribeRevert(Hex.Decode(Text(already, "data"))));
            var unauthorized = v.GetProperty("unauthorized");
            Assert.Equal(
                $"AccessControlUnauthorizedAccount(account={Text(unauthorized, "account")}, neededRole={Text(unauthorized, "neededRole")})",
                LedgerAnchorContract.DescribeRevert(Hex.Decode(Text(unauthorized, "data"))));
            Assert.Equal("LedgerAnchorZeroRoot()", LedgerAnchorContract.DescribeRevert(Hex.Decode(v.GetProperty("zeroRoot").GetString()!)));
        }
    }

    [Fact]
    public void ErrorStringsAndPanicsEncodedByEthersAreDescribed()
    {
        foreach (var v in vectors.Abi.Select(a => a.GetProperty("errors")))
        {
            var error = v.GetProperty("errorString");
            Assert.Equal($"Error(message=\"{Text(error, "message")}\")", LedgerAnchorContract.DescribeRevert(Hex.Decode(Text(error, "data"))));
            var panic = v.GetProperty("panic");
            var code = Big(panic, "code").ToString("x", System.Globalization.CultureInfo.InvariantCulture).TrimStart('0').PadLeft(2, '0');
            Assert.StartsWith($"Panic(code=0x{code}", LedgerAnchorContract.DescribeRevert(Hex.Decode(Text(panic, "data"))));
        }
    }

    [Fact]
    public void RandomTuplesEncodeLikeEthers()
    {
        foreach (var v in vectors.Tuples)
        {
            var (types, values) = AbiJson.Tuple(v);
            Assert.Equal(Text(v, "encoded"), Hex.Encode(new Nethereum.ABI.ABIEncode().GetABIEncoded([.. types.Select((t, i) => new Nethereum.ABI.ABIValue(t, values[i]))])));
        }
    }

    [Fact]
    public void RandomTuplesEncodedByEthersDecodeToTheSameValues()
    {
        foreach (var v in vectors.Tuples)
        {
            var (types, _) = AbiJson.Tuple(v);
            var parameters = types.Select((t, i) => new Nethereum.ABI.Model.Parameter(t, i + 1)).ToArray();
            var decoded = new Nethereum.ABI.FunctionEncoding.ParameterDecoder().DecodeDefaultData(Text(v, "encoded"), parameters);
            var expected = v.GetProperty("values").EnumerateArray().Select((value, i) => AbiJson.Canonical(types[i], value));
            Assert.Equal(expected, decoded.Select((output, i) => AbiJson.Canonical(types[i], output.Result)));
        }
    }
}
