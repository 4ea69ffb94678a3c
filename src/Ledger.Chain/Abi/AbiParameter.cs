namespace Ledger.Chain.Abi;

/// <summary>One named parameter of a function, event or error.</summary>
/// <param name="Name">The parameter's name (may be empty).</param>
/// <param name="Type">Its ABI type.</param>
/// <param name="Indexed">For event parameters: carried in a topic rather than in the data.</param>
public sealed record AbiParameter(string Name, AbiType Type, bool Indexed = false);
