namespace Ledger.Api.Tests.Protection;

/// <summary>Starts a service that is expected to refuse to start, and returns what it said.</summary>
internal static class StartupFailure
{
    public static async Task<string> MessageAsync(LedgerApiFactory factory)
    {
        try
        {
            var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
            return failure.ToString();
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
        }
    }
}
