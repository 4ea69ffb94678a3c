using System.Text.Json;
using Ledger.Chain.Contracts;
using Ledger.Core.Encoding;
using Nethereum.ABI.Model;
using Nethereum.Contracts;

namespace Ledger.Chain.Tests.Contracts;

/// <summary>The typed Nethereum messages for LedgerAnchor say exactly what the compiled artifact says.</summary>
public sealed class LedgerAnchorMessagesTests
{
    private static readonly Type[] Functions =
    [
        typeof(AnchorFunction), typeof(AnchoredAtFunction), typeof(BatchOfFunction), typeof(BatchCountFunction), typeof(VerifyFunction),
        typeof(VersionFunction), typeof(RegisterIssuerKeyFunction), typeof(RetireIssuerKeyFunction), typeof(IssuerKeyFunction),
        typeof(IsIssuerKeyValidAtFunction), typeof(MulticallFunction), typeof(HasRoleFunction),
    ];

    private static readonly Type[] Events = [typeof(RootAnchoredEventDto), typeof(IssuerKeyRegisteredEventDto), typeof(IssuerKeyRetiredEventDto)];

    // Solidity's built-in reverts, which no artifact lists.
    private static readonly string[] BuiltInErrors = ["Error(string)", "Panic(uint256)"];

    private static IEnumerable<JsonElement> Artifact(string kind)
    {
        var abi = JsonDocument.Parse(ContractArtifact.LedgerAnchor.AbiJson).RootElement;
        return abi.EnumerateArray().Where(e => e.GetProperty("type").GetString() == kind).ToList();
    }

    private static string Types(JsonElement parameters) => string.Join(',', parameters.EnumerateArray().Select(p => p.GetProperty("type").GetString()));

    private static string Types(IEnumerable<Parameter> parameters) => string.Join(',', parameters.OrderBy(p => p.Order).Select(p => p.Type));

    private static string Names(JsonElement parameters) => string.Join(',', parameters.EnumerateArray().Select(p => p.GetProperty("name").GetString()));

    private static string Names(IEnumerable<Parameter> parameters) => string.Join(',', parameters.OrderBy(p => p.Order).Select(p => p.Name));

    private static string Selector(string signature) => Hex.Encode(Core.Hashing.Keccak256.Hash(System.Text.Encoding.ASCII.GetBytes(signature)).AsSpan(0, 4))[2..];

    [Fact]
    public void EveryFunctionMessageHasTheArtifactsInputsOutputsAndSelector()
    {
        foreach (var type in Functions)
        {
            var ours = ABITypedRegistry.GetFunctionABI(type);
            var theirs = Assert.Single(Artifact("function"), f => f.GetProperty("name").GetString() == ours.Name);
            Assert.Equal(Types(theirs.GetProperty("inputs")), Types(ours.InputParameters));
            Assert.Equal(Names(theirs.GetProperty("inputs")), Names(ours.InputParameters));
            Assert.Equal(Types(theirs.GetProperty("outputs")), Types(ours.OutputParameters ?? []));
            Assert.Equal(Selector($"{ours.Name}({Types(theirs.GetProperty("inputs"))})"), ours.Sha3Signature.ToLowerInvariant());
        }
    }

    [Fact]
    public void TheOutputDtosDecodeWhatTheArtifactSaysTheFunctionsReturn()
    {
        var outputs = new Dictionary<string, Type>
        {
            ["anchoredAt"] = typeof(UInt64Output), ["batchOf"] = typeof(UInt256Output), ["batchCount"] = typeof(UInt256Output),
            ["version"] = typeof(StringOutput), ["issuerKey"] = typeof(IssuerKeyOutput),
        };
        foreach (var (name, type) in outputs)
        {
            var theirs = Assert.Single(Artifact("function"), f => f.GetProperty("name").GetString() == name);
            var properties = Nethereum.ABI.FunctionEncoding.Attributes.PropertiesExtractor.GetPropertiesWithParameterAttribute(type)
                .Select(p => (Nethereum.ABI.FunctionEncoding.Attributes.ParameterAttribute)p.GetCustomAttributes(typeof(Nethereum.ABI.FunctionEncoding.Attributes.ParameterAttribute), true)[0])
                .OrderBy(a => a.Order)
                .Select(a => a.Type);
            Assert.Equal(Types(theirs.GetProperty("outputs")), string.Join(',', properties));
        }
    }

    [Fact]
    public void EveryEventDtoHasTheArtifactsParametersAndIndexing()
    {
        foreach (var type in Events)
        {
            var ours = ABITypedRegistry.GetEvent(type);
            var theirs = Assert.Single(Artifact("event"), e => e.GetProperty("name").GetString() == ours.Name);
            Assert.Equal(Types(theirs.GetProperty("inputs")), Types(ours.InputParameters));
            Assert.Equal(Names(theirs.GetProperty("inputs")), Names(ours.InputParameters));
            Assert.Equal(
                theirs.GetProperty("inputs").EnumerateArray().Select(p => p.GetProperty("indexed").GetBoolean()),
                ours.InputParameters.OrderBy(p => p.Order).Select(p => p.Indexed));
        }
    }

    [Fact]
    public void TheRootAnchoredTopicIsTheOneTheProofFormatDocuments() =>
        Assert.Equal("0xbc94de6682b7ab8bd48cacdef86a34f4a1d2f1b6d3845fb25f8308f32ee3b2a0", LedgerAnchorAbi.RootAnchoredTopic);

    [Fact]
    public void EveryArtifactErrorHasAnErrorDtoAndEveryDtoIsInTheArtifact()
    {
        var ours = LedgerAnchorAbi.Errors.Select(ABITypedRegistry.GetError).Select(e => $"{e.Name}({Types(e.InputParameters ?? [])})").ToList();
        var theirs = Artifact("error").Select(e => $"{e.GetProperty("name").GetString()}({Types(e.GetProperty("inputs"))})").ToList();
        Assert.Equal(theirs.Order(), ours.Except(BuiltInErrors).Order());
        Assert.All(LedgerAnchorAbi.Errors, e => Assert.Equal(4, LedgerAnchorAbi.ErrorSelector(e).Length));
    }

    [Fact]
    public void TheDeploymentMessageHasTheArtifactsConstructorAndBytecode()
    {
        var constructor = Assert.Single(Artifact("constructor"));
        var parameters = Nethereum.ABI.FunctionEncoding.Attributes.PropertiesExtractor.GetPropertiesWithParameterAttribute(typeof(LedgerAnchorDeployment))
            .Select(p => (Nethereum.ABI.FunctionEncoding.Attributes.ParameterAttribute)p.GetCustomAttributes(typeof(Nethereum.ABI.FunctionEncoding.Attributes.ParameterAttribute), true)[0])
            .OrderBy(a => a.Order)
            .ToList();
        Assert.Equal(Types(constructor.GetProperty("inputs")), string.Join(',', parameters.Select(a => a.Type)));
        Assert.Equal(Names(constructor.GetProperty("inputs")), string.Join(',', parameters.Select(a => a.Name)));
        Assert.Equal(LedgerAnchorContract.Bytecode, new LedgerAnchorDeployment().ByteCode);
    }

    [Fact]
    public void TheEmbeddedBytecodeIsHex() => Assert.True(Hex.Decode(LedgerAnchorContract.Bytecode).Length > 100);

    [Fact]
    public void TheAnchorerRoleIsTheKeccakOfItsName() =>
        Assert.Equal("0x4b3e6527f1b0d33beb6c20e3c362af276f03c4526b5f8b6d118672f0d75a60eb", Hex.Encode(LedgerAnchorAbi.AnchorerRole));

    [Fact]
    public void NoRevertDataDescribesAsNull() => Assert.Null(LedgerAnchorContract.DescribeRevert(null));

    [Fact]
    public void EmptyRevertDataSaysSo() => Assert.Equal("revert without data", LedgerAnchorContract.DescribeRevert([]));

    [Fact]
    public void AnUnknownSelectorIsShownInHex() =>
        Assert.Equal("unknown error 0xdeadbeef (4 bytes)", LedgerAnchorContract.DescribeRevert([0xde, 0xad, 0xbe, 0xef]));

    [Fact]
    public void APanicNamesItsReason() =>
        Assert.Equal("Panic(code=0x11 (arithmetic overflow or underflow))", LedgerAnchorContract.DescribeRevert(LedgerAnchorAbi.EncodeError(new PanicError { Code = 0x11 })));

    [Fact]
    public void TruncatedErrorArgumentsAreCalledMalformed()
    {
        var data = LedgerAnchorAbi.EncodeError(new LedgerAnchorRootAlreadyAnchoredError { Root = new byte[32], BatchId = 3 });
        Assert.Equal("LedgerAnchorRootAlreadyAnchored with malformed arguments (40 bytes)", LedgerAnchorContract.DescribeRevert(data[..40]));
    }
}
