namespace Ledger.Api.Tests.Anchoring;

/// <summary>Anchoring and fee settings are validated at start; a bad one stops the service with a message naming it.</summary>
public sealed class AnchoringOptionsTests
{
    [Theory]
    [InlineData("Chain:ReplacementBumpPercent", "9", "ReplacementBumpPercent")]
    [InlineData("Chain:ReplaceAfter", "00:00:05", "Chain:ReplaceAfter must not be shorter than Chain:ResendAfter")]
    [InlineData("Anchoring:LeaseDuration", "00:00:01", "Anchoring:LeaseDuration must be at least three Anchoring:PollInterval")]
    [InlineData("Anchoring:MaxBackoff", "00:00:00.200", "Anchoring:MaxBackoff must not be shorter than Anchoring:PollInterval")]
    [InlineData("Chain:MaxFeePerGasGwei", "0", "MaxFeePerGasGwei")]
    [InlineData("Chain:EmbeddedStateInterval", "00:00:00", "EmbeddedStateInterval")]
    [InlineData("Chain:EmbeddedStateInterval", "00:00:02.500", "Chain:EmbeddedStateInterval must be whole seconds")]
    public async Task ABadSettingStopsStartupWithAMessageNamingIt(string setting, string value, string expected)
    {
        var factory = new LedgerApiFactory(settings: new Dictionary<string, string?>
        {
            ["Anchoring:PollInterval"] = "00:00:00.500",
            [setting] = value,
        });
        try
        {
            var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
            Assert.Contains(expected, failure.ToString());
        }
        finally
        {
            try
            {
                await factory.DisposeAsync();
            }
            catch (Exception)
            {
                // A host that failed to start may also fail to stop; the assertion above is what matters.
            }
            factory.DeleteData();
        }
    }
}
