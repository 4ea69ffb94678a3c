namespace Ledger.Api.Anchoring;

/// <summary>The anchoring lease passed to another instance: stop signing and sending now.</summary>
public sealed class AnchoringLeaseLostException(string message) : Exception(message);
