using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Ledger.Api.Access;

namespace Ledger.Api.Tests.Erasure;

/// <summary>A bad erasure request is told exactly what is wrong with it, in terms of an erasure request.</summary>
public sealed class ErasureRequestProblemsTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task ANoteOverFiveHundredCharactersIsCalledTooLongEvenWhenTheBasisIsOther()
    {
        var body = new JsonObject
        {
            ["domain"] = "community-correction",
            ["subjectRef"] = "CC-NOTE-1",
            ["legalBasis"] = "other",
            ["note"] = new string('n', 501),
        };

        var response = await _factory.ClientFor(Roles.CorrectionOfficer).PostAsJsonAsync("/api/v1/erasures", body);

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        var note = string.Join(" ", problem.GetProperty("errors").GetProperty("note").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("501 characters", note);
        Assert.Contains("at most 500", note);
        Assert.DoesNotContain("required", note, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnOversizeErasureBodyIsCalledAnErasureRequestNotARecord()
    {
        var body = new JsonObject
        {
            ["domain"] = "community-correction",
            ["subjectRef"] = "CC-BIG-1",
            ["legalBasis"] = "other",
            ["note"] = new string('n', 20_000),
        };
        using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");

        var response = await _factory.ClientFor(Roles.CorrectionOfficer).PostAsync("/api/v1/erasures", content);

        var detail = (await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge)).GetProperty("detail").GetString()!;
        Assert.Contains("erasure request", detail);
        Assert.DoesNotContain("record", detail);
    }

    [Fact]
    public async Task ADomainWithoutSubjectsIsAnInvalidErasureRequestNotAnInvalidRecord()
    {
        var response = await _factory.ClientFor(Roles.Inspector).PostAsJsonAsync("/api/v1/erasures", new JsonObject
        {
            ["domain"] = "food-safety",
            ["subjectRef"] = "ENT-1",
            ["legalBasis"] = "pipl-47-deletion-request",
        });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("The erasure request is invalid", problem.GetProperty("title").GetString());
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
