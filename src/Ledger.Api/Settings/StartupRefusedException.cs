namespace Ledger.Api.Settings;

/// <summary>
/// Start-up cannot go on until an operator changes something outside the service — the master key, the chain, the
/// contract or the anchoring account's roles. Its message says what, in one line; <see cref="StartupRefusal"/> prints
/// it without a stack trace.
/// </summary>
public sealed class StartupRefusedException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
