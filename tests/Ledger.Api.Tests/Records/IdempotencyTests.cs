using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Records;
using Ledger.Api.Records.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Tests.Records;

public sealed class IdempotencyTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task ARetryWithTheSameKeyAndBodyGetsTheOriginalAnswerAndStoresOneRecord()
    {
        var client = _factory.ClientFor(Roles.Inspector);
        var (lot, key) = (NewLot(), IdempotentPost.NewKey());

        var (first, firstBody) = await IdempotentPost.SendAsync(client, Samples.Inspection(lot), key);
        var (retry, retryBody) = await IdempotentPost.SendAsync(client, Samples.Inspection(lot), key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(firstBody, retryBody);
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.False(IdempotentPost.IsReplay(first));
        Assert.True(IdempotentPost.IsReplay(retry));
        Assert.Equal(1, await CountWithLotAsync(lot));
    }

    [Fact]
    public async Task ARetryThatDiffersOnlyInLayoutAndNameOrderIsTheSameRequest()
    {
        var client = _factory.ClientFor(Roles.Inspector);
        var (lot, key) = (NewLot(), IdempotentPost.NewKey());
        var submission = Samples.Inspection(lot);
        var reordered = new JsonObject(submission.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));

        var (first, firstBody) = await IdempotentPost.SendAsync(client, submission, key);
        var (retry, retryBody) = await IdempotentPost.SendAsync(client, reordered, key);

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(firstBody, retryBody);
        Assert.True(IdempotentPost.IsReplay(retry));
        Assert.Equal(1, await CountWithLotAsync(lot));
    }

    [Fact]
    public async Task ReusingAKeyForADifferentBodyIsAConflictAndStoresNothing()
    {
        var client = _factory.ClientFor(Roles.Inspector);
        var (lot, otherLot, key) = (NewLot(), NewLot(), IdempotentPost.NewKey());
        var (first, firstBody) = await IdempotentPost.SendAsync(client, Samples.Inspection(lot), key);

        var (reuse, reuseBody) = await IdempotentPost.SendAsync(client, Samples.Inspection(otherLot), key);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reuse.StatusCode);
        Assert.Equal("application/problem+json", reuse.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(reuseBody).RootElement;
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Contains("different request", problem.GetProperty("detail").GetString());
        Assert.Contains(JsonDocument.Parse(firstBody).RootElement.GetProperty("id").GetString()!, problem.GetProperty("detail").GetString());
        Assert.Equal(0, await CountWithLotAsync(otherLot));
    }

    [Fact]
    public async Task ConcurrentRequestsWithOneKeyCreateExactlyOneRecordAndAllGetItsAnswer()
    {
        var client = _factory.ClientFor(Roles.Inspector);
        var (lot, key) = (NewLot(), IdempotentPost.NewKey());

        var answers = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => IdempotentPost.SendAsync(client, Samples.Inspection(lot), key)));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Accepted, a.Response.StatusCode));
        Assert.Single(answers.Select(a => a.Body).Distinct());
        Assert.Single(answers, a => !IdempotentPost.IsReplay(a.Response));
        Assert.Equal(1, await CountWithLotAsync(lot));
    }

    [Fact]
    public async Task TheSameKeyFromTwoApiKeysCreatesTwoRecords()
    {
        var key = IdempotentPost.NewKey();

        var (inspection, inspectionBody) = await IdempotentPost.SendAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection(NewLot()), key);
        var (service, serviceBody) = await IdempotentPost.SendAsync(_factory.ClientFor(Roles.CommunityWorker), Samples.VolunteerService(), key);

        Assert.Equal(HttpStatusCode.Accepted, inspection.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, service.StatusCode);
        Assert.False(IdempotentPost.IsReplay(service));
        var ids = new[] { inspectionBody, serviceBody }.Select(b => JsonDocument.Parse(b).RootElement.GetProperty("id").GetString()).ToList();
        Assert.NotEqual(ids[0], ids[1]);
        Assert.Equal(2, await _factory.QueryAsync(db => db.IdempotentSubmissions.CountAsync(s => s.Key == key)));
    }

    public static TheoryData<string, string> MalformedKeys => new()
    {
        // An empty value is refused too, but TestServer drops empty headers before the app sees them; over HTTP it is a 400.
        { "only spaces", "   " },
        { "129 characters", new string('k', 129) },
        { "not ASCII", "clé-1" },
        { "a control character", "key\u0001one" },
    };

    [Theory]
    [MemberData(nameof(MalformedKeys))]
    public async Task AMalformedIdempotencyKeyIsA400ProblemAndStoresNothing(string because, string key)
    {
        var lot = NewLot();

        var (response, body) = await IdempotentPost.SendAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection(lot), key);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{because}: got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(IdempotencyKeyHeader.Name, out _), body);
        Assert.Equal(0, await CountWithLotAsync(lot));
    }

    [Fact]
    public async Task AnIdempotencyKeyHeaderSentTwiceIsA400Problem()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/records") { Content = JsonContent.Create(Samples.Inspection(NewLot())) };
        request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader.Name, [IdempotentPost.NewKey(), IdempotentPost.NewKey()]);

        var response = await _factory.ClientFor(Roles.Inspector).SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task AKeyOf128PrintableCharactersIsAccepted()
    {
        var key = IdempotentPost.NewKey() + " ~!" + new string('z', 128);

        var (response, body) = await IdempotentPost.SendAsync(_factory.ClientFor(Roles.Inspector), Samples.Inspection(NewLot()), key[..128]);

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
    }

    [Fact]
    public async Task AKeyIsForgottenAfterTheRetentionPeriodAndThenCreatesANewRecord()
    {
        var client = _factory.ClientFor(Roles.Inspector);
        var (lot, key) = (NewLot(), IdempotentPost.NewKey());
        var (_, firstBody) = await IdempotentPost.SendAsync(client, Samples.Inspection(lot), key);
        var retention = _factory.Services.GetRequiredService<IOptions<IngestOptions>>().Value.IdempotencyRetention;

        var deleted = await _factory.Services.GetRequiredService<IdempotencyExpiry>()
            .DeleteExpiredAsync(DateTimeOffset.UtcNow + retention + TimeSpan.FromMinutes(1));
        var (later, laterBody) = await IdempotentPost.SendAsync(client, Samples.Inspection(lot), key);

        Assert.True(deleted >= 1);
        Assert.Equal(HttpStatusCode.Accepted, later.StatusCode);
        Assert.False(IdempotentPost.IsReplay(later));
        Assert.NotEqual(firstBody, laterBody);
        Assert.Equal(2, await CountWithLotAsync(lot));
    }

    [Fact]
    public async Task AClientThatGivesUpMidRequestCanRetryWithItsKeyAndGetsExactlyOneRecord()
    {
        var client = _factory.ClientFor(Roles.Inspector);
        var (lot, key) = (NewLot(), IdempotentPost.NewKey());
        using (var impatient = new CancellationTokenSource())
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/records") { Content = JsonContent.Create(Samples.Inspection(lot)) };
            request.Headers.Add(IdempotencyKeyHeader.Name, key);
            var sending = client.SendAsync(request, impatient.Token);
            impatient.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
        }

        var (retry, body) = await IdempotentPost.SendAsync(client, Samples.Inspection(lot), key);

        // Whether or not the abandoned request got as far as the writer, the record exists once, with its key row.
        Assert.True(retry.StatusCode == HttpStatusCode.Accepted, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString();
        Assert.Equal(1, await CountWithLotAsync(lot));
        Assert.Equal(id, await _factory.QueryAsync(db => db.IdempotentSubmissions.Where(s => s.Key == key).Select(s => s.RecordId).SingleAsync()));
    }

    private static string NewLot() => "L-" + Guid.NewGuid().ToString("N");

    private Task<int> CountWithLotAsync(string lot) =>
        _factory.QueryAsync(db => db.Records.CountAsync(r => r.EnvelopeJson.Contains(lot)));
}
