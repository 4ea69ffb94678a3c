using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ledger.Api.Access;
using Ledger.Api.Records.Writing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ledger.Api.Tests.Records;

public sealed class WriterShutdownTests
{
    [Fact]
    public async Task ASubmissionAfterTheWriterStoppedGetsA503ProblemAndStoresNothing()
    {
        var factory = new LedgerApiFactory();
        try
        {
            var client = factory.ClientFor(Roles.Inspector);
            var lot = "L-" + Guid.NewGuid().ToString("N");
            await factory.Services.GetRequiredService<RecordWriter>().StopAsync(CancellationToken.None);

            var response = await client.PostAsJsonAsync("/api/v1/records", Samples.Inspection(lot)).WaitAsync(TimeSpan.FromSeconds(30));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(503, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
            Assert.Equal(0, await factory.QueryAsync(db => db.Records.CountAsync(r => r.EnvelopeJson.Contains(lot))));
        }
        finally
        {
            await factory.DisposeAsync();
            factory.DeleteData();
        }
    }
}
