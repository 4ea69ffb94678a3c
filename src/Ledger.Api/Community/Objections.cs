using System.Text.Json.Nodes;
using Ledger.Api.Access;
using Ledger.Api.Problems;
using Ledger.Api.Records.Writing;
using Ledger.Core.Records;
using Ledger.Core.Records.Projections;
using Ledger.Core.Records.Types.SharedCommunity.Objection;
using Ledger.Core.Records.Types.SharedCommunity.ObjectionResolution;
using Ledger.Data.Records;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Community;

/// <summary>An objection or its resolution, as stored.</summary>
/// <param name="RecordHash">The record's hash; its public page is /v/{hash}.</param>
/// <param name="Entry">The record hash objected to (for a resolution: the objection's).</param>
public sealed record ObjectionResult(string RecordHash, string Entry);

/// <summary>
/// Objections to published community entries, within <see cref="CommunityOptions.ObjectionWindow"/> of the entry's
/// publication, and the committee's resolutions. The objection records the window's end it was filed under, so what
/// the setting was then is part of the evidence.
/// </summary>
internal sealed class Objections(RecordPipeline pipeline, TimeProvider time, IOptions<CommunityOptions> options)
{
    /// <summary>The rule's name for an objection filed after the window.</summary>
    public const string WindowRule = "objection-window";

    /// <summary>Files an objection against <paramref name="entry"/>, a record of the caller's community.</summary>
    public async Task<ObjectionResult> FileAsync(StoredRecord entry, string reason, Caller caller, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var closes = DateTimeOffset.FromUnixTimeMilliseconds(entry.ReceivedAtMs) + options.Value.ObjectionWindow;
        if (now >= closes)
        {
            throw LedgerProblem.Refused(new RuleRefusal(WindowRule, RefusalKind.Unprocessable, "Objection window closed",
                $"Objections to this entry were possible until {closes:yyyy-MM-dd HH:mm} UTC."));
        }
        var payload = new JsonObject
        {
            ["entry"] = entry.RecordHash,
            ["reason"] = reason,
            ["filedAt"] = Timestamps.Format(now),
            ["windowClosesAt"] = Timestamps.Format(closes),
        };
        Validate(SharedCommunityObjection.Definition, payload);
        var objection = await pipeline.WriteInternalAsync(SharedCommunityObjection.Definition, entry.Issuer, payload, caller.KeyId, null, "the objection", ct);
        return new ObjectionResult(objection.RecordHash, entry.RecordHash);
    }

    /// <summary>Stores the committee's answer to <paramref name="objection"/>.</summary>
    public async Task<ObjectionResult> ResolveAsync(StoredRecord objection, string resolution, string note, Caller caller, CancellationToken ct)
    {
        var payload = new JsonObject { ["objection"] = objection.RecordHash, ["resolution"] = resolution, ["note"] = note };
        Validate(SharedCommunityObjectionResolution.Definition, payload);
        var answer = await pipeline.WriteInternalAsync(
            SharedCommunityObjectionResolution.Definition, objection.Issuer, payload, caller.KeyId, null, "the resolution", ct);
        return new ObjectionResult(answer.RecordHash, objection.RecordHash);
    }

    private static void Validate(RecordTypeDefinition definition, JsonObject payload)
    {
        var errors = definition.Validate(payload);
        if (errors.Count > 0)
        {
            throw LedgerProblem.Invalid($"The {definition.Type} is invalid",
                errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));
        }
    }
}
