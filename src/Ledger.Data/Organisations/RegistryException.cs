namespace Ledger.Data.Organisations;

/// <summary>An identity change the registry refuses (unknown organisation, bad role or area code); the message says why.</summary>
public sealed class RegistryException(string message) : Exception(message);
