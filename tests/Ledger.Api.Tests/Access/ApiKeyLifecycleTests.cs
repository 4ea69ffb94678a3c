using System.Net;
using System.Net.Http.Json;
using Ledger.Api.Access;
using Ledger.Data.Access;
using Ledger.Data.Organisations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Tests.Access;

/// <summary>When a key stops working: expiry, revocation, and disabling its staff account.</summary>
public sealed class ApiKeyLifecycleTests(SharedLedger ledger) : IClassFixture<SharedLedger>
{
    private readonly LedgerApiFactory _factory = ledger.Factory;

    [Fact]
    public async Task AnExpiredKeyIsRefused()
    {
        var (entity, key) = ApiKeyIssuer.Create(Roles.Inspector, EmbeddedOrganisations.HomeOf(Roles.Inspector), "expired", TimeProvider.System, DateTimeOffset.UtcNow.AddMinutes(-1));
        await _factory.QueryAsync(db => { db.ApiKeys.Add(entity); return db.SaveChangesAsync(); });

        var response = await ClientWith(key).PostAsJsonAsync("/api/v1/records", Samples.Inspection("L-EXPIRED"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("unknown, revoked or expired", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task DisablingAStaffAccountStopsItsKeysWithinTheKeyCacheLifetime()
    {
        var issued = await _factory.QueryAsync(db => new KeyRegistry(db, TimeProvider.System)
            .CreateAsync(EmbeddedOrganisations.HomeOf(Roles.Inspector), Roles.Inspector, "to be disabled", null, null, default));
        var client = ClientWith(issued.Text);
        await Samples.SubmitAsync(client, Samples.Inspection("L-STAFF-1"));

        // Written past the registry, as an operator's tool on another process would: the cache learns of it on its own.
        await _factory.QueryAsync(db => db.StaffAccounts.Where(s => s.Id == issued.Staff.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.DisabledAtMs, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())));

        Assert.True(await RefusedWithinCacheLifetimeAsync(client), "the key still worked after the cache lifetime");
        var response = await client.PostAsJsonAsync("/api/v1/records", Samples.Inspection("L-STAFF-2"));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AKeyRevokedInThisProcessIsRefusedOnItsVeryNextRequest()
    {
        var issued = await _factory.QueryAsync(db => new KeyRegistry(db, TimeProvider.System)
            .CreateAsync(EmbeddedOrganisations.HomeOf(Roles.Inspector), Roles.Inspector, "revoked here", null, null, default));
        var client = ClientWith(issued.Text);
        await Samples.SubmitAsync(client, Samples.Inspection("L-REVOKE-HERE-1"));

        await _factory.QueryAsync(db => new KeyRegistry(db, TimeProvider.System).RevokeAsync(issued.Key.Id, default));
        var response = await client.PostAsJsonAsync("/api/v1/records", Samples.Inspection("L-REVOKE-HERE-2"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task AKeyRevokedElsewhereIsRefusedWithinTheKeyCacheLifetime()
    {
        var issued = await _factory.QueryAsync(db => new KeyRegistry(db, TimeProvider.System)
            .CreateAsync(EmbeddedOrganisations.HomeOf(Roles.Inspector), Roles.Inspector, "revoked elsewhere", null, null, default));
        var client = ClientWith(issued.Text);
        await Samples.SubmitAsync(client, Samples.Inspection("L-REVOKE-AWAY-1"));

        // Another instance (or `ledger keys revoke` in another process) writes the revocation; no event reaches us.
        await _factory.QueryAsync(db => db.ApiKeys.Where(k => k.Id == issued.Key.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAtMs, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds())));

        Assert.True(await RefusedWithinCacheLifetimeAsync(client), "the revoked key still worked after the cache lifetime");
    }

    [Fact]
    public async Task AKeyOfAStaffAccountAuthenticatesWithItsOrganisationsJurisdictionAndKind()
    {
        var issued = await _factory.QueryAsync(db => new KeyRegistry(db, TimeProvider.System)
            .CreateAsync(EmbeddedOrganisations.NeighbourOf(Roles.Auditor), Roles.Auditor, "Binjiang auditor", null, null, default));
        await using var scope = _factory.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Headers[ApiKeyAuthenticationHandler.HeaderName] = issued.Text;

        var result = await context.AuthenticateAsync();

        var caller = Caller.From(result.Principal!);
        Assert.Equal(issued.Key.Id, caller.KeyId);
        Assert.Equal(Roles.Auditor, caller.Role);
        Assert.Equal(EmbeddedOrganisations.NeighbourOf(Roles.Auditor), caller.Organisation);
        Assert.Equal(EmbeddedOrganisations.NeighbourArea, caller.Jurisdiction);
        Assert.Equal(OrganisationKinds.Audit, caller.OrganisationKind);
        Assert.Equal(issued.Staff.Id, caller.StaffId);
    }

    // Polls a cheap authenticated read (404 for a random id when the key works, 401 once it is refused) until the
    // cache lifetime, plus a margin for a slow machine, has passed.
    private async Task<bool> RefusedWithinCacheLifetimeAsync(HttpClient client)
    {
        var lifetime = _factory.Services.GetRequiredService<IOptions<ApiKeyCacheOptions>>().Value.Lifetime;
        var deadline = DateTimeOffset.UtcNow + lifetime + TimeSpan.FromSeconds(5);
        while (DateTimeOffset.UtcNow < deadline)
        {
            var response = await client.GetAsync($"/api/v1/records/{Guid.NewGuid()}");
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                return true;
            }
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            await Task.Delay(100);
        }
        return false;
    }

    private HttpClient ClientWith(string key)
    {
        var client = _factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }
}
