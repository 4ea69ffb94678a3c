namespace Ledger.Core.Records;

/// <summary>Where record salts come from; a seam so tests can use fixed salts.</summary>
public interface ISaltSource
{
    /// <summary>Returns <see cref="EnvelopeRules.SaltBytes"/> fresh secret random bytes.</summary>
    byte[] NewSalt();
}
