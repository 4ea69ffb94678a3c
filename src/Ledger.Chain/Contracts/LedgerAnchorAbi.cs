using Ledger.Chain.Contracts;
using Ledger.Core.Encoding;
using Ledger.Core.Hashing;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace Ledger.Chain;

/// <summary>
/// Facts about the LedgerAnchor interface that callers need beside the typed messages in
/// <see cref="Contracts"/>: its version, role ids, selectors, event topics and the errors it can revert with.
/// </summary>
public static class LedgerAnchorAbi
{
    /// <summary>The version() of the contract this service deploys and expects.</summary>
    public const string CurrentVersion = "2.0.0";

    /// <summary>keccak256("ANCHORER_ROLE"): the role allowed to call anchor.</summary>
    public static readonly byte[] AnchorerRole = Keccak256.Hash("ANCHORER_ROLE"u8);

    /// <summary>keccak256("ISSUER_REGISTRAR_ROLE"): the role allowed to register and retire issuer keys.</summary>
    public static readonly byte[] IssuerRegistrarRole = Keccak256.Hash("ISSUER_REGISTRAR_ROLE"u8);

    /// <summary>Topic 0 of every RootAnchored log, 0x hex.</summary>
    public static string RootAnchoredTopic { get; } = Topic<RootAnchoredEventDto>();

    /// <summary>Every revert LedgerAnchor can produce, including Solidity's built-in Error(string) and Panic(uint256).</summary>
    public static IReadOnlyList<Type> Errors { get; } =
    [
        typeof(LedgerAnchorZeroRootError),
        typeof(LedgerAnchorEmptyBatchError),
        typeof(LedgerAnchorRootAlreadyAnchoredError),
        typeof(LedgerAnchorZeroIssuerKeyError),
        typeof(AccessControlUnauthorizedAccountError),
        typeof(AccessControlBadConfirmationError),
        typeof(AddressEmptyCodeError),
        typeof(FailedCallError),
        typeof(ErrorStringError),
        typeof(PanicError),
    ];

    /// <summary>The 4-byte selector of a function message type.</summary>
    public static byte[] Selector<TFunction>() where TFunction : FunctionMessage =>
        Hex.Decode(ABITypedRegistry.GetFunctionABI<TFunction>().Sha3Signature);

    /// <summary>The 4-byte selector that starts the revert data of an error type.</summary>
    public static byte[] ErrorSelector(Type errorType) => Hex.Decode(ABITypedRegistry.GetError(errorType).Sha3Signature);

    /// <summary>Topic 0 of an event type, 0x hex.</summary>
    public static string Topic<TEvent>() where TEvent : IEventDTO =>
        "0x" + ABITypedRegistry.GetEvent<TEvent>().Sha3Signature.ToLowerInvariant();

    /// <summary>Revert data for an error with its arguments (for tests and fakes).</summary>
    public static byte[] EncodeError<TError>(TError error) where TError : class =>
        [.. ErrorSelector(typeof(TError)), .. new ParametersEncoder().EncodeParametersFromTypeAttributes(typeof(TError), error)];
}
