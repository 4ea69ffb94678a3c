using Ledger.Api.Access;
using Ledger.Api.Problems;
using Microsoft.AspNetCore.Http;

namespace Ledger.Api.Tests.Access;

public sealed class AccessPurposeTests
{
    [Fact]
    public void APlainPurposeIsReadTrimmed()
    {
        Assert.Equal("annual case review", AccessPurpose.Read(RequestWith("  annual case review ")));
    }

    [Fact]
    public void APercentEncodedChinesePurposeIsDecodedAsUtf8()
    {
        Assert.Equal("年度审计", AccessPurpose.Read(RequestWith(Uri.EscapeDataString("年度审计"))));
    }

    [Fact]
    public void NoHeaderMeansNoPurpose()
    {
        Assert.Null(AccessPurpose.Read(new DefaultHttpContext().Request));
    }

    [Theory]
    [InlineData("%0d%0aSet-Cookie: x=1")] // an encoded line break, to forge lines where the purpose is written
    [InlineData("%07bell")]
    [InlineData("%C3%28")] // invalid UTF-8
    [InlineData("100%")] // a bad escape
    [InlineData("%20%20")] // nothing but spaces
    public void AMalformedPurposeIsABadRequest(string value)
    {
        var problem = Assert.Throws<LedgerProblem>(() => AccessPurpose.Read(RequestWith(value)));

        Assert.Equal(400, problem.Status);
    }

    [Fact]
    public void APurposeLongerThanTwoHundredCharactersIsABadRequest()
    {
        Assert.Equal(200, AccessPurpose.Read(RequestWith(new string('p', 200)))!.Length);
        Assert.Equal(400, Assert.Throws<LedgerProblem>(() => AccessPurpose.Read(RequestWith(new string('p', 201)))).Status);
    }

    private static HttpRequest RequestWith(string value)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[AccessPurpose.HeaderName] = value;
        return context.Request;
    }
}
