using Ledger.Api.Chain;

namespace Ledger.Api.Tests.Hosting;

public sealed class RpcDisplayTests
{
    [Theory]
    [InlineData("https://mainnet.example.org/v3/0123456789abcdef", "https://mainnet.example.org/")]
    [InlineData("https://user:secret@rpc.example.org:8545/?apikey=abc", "https://rpc.example.org:8545/")]
    [InlineData("http://127.0.0.1:41233/", "http://127.0.0.1:41233/")]
    public void AnRpcUrlIsShownWithoutCredentialsPathOrQuery(string url, string shown)
    {
        Assert.Equal(shown, RpcDisplay.Of(new Uri(url)));
    }
}
