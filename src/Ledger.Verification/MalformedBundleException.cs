namespace Ledger.Verification;

/// <summary>A proof bundle broke a rule of ledger-proof/v1; the message names the member and its bad value.</summary>
/// <remarks>Thrown only inside <see cref="BundleReader"/>, which turns it into a reading problem.</remarks>
internal sealed class MalformedBundleException(string message) : Exception(message);
