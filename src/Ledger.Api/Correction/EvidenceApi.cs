namespace Ledger.Api.Correction;

/// <summary>The evidence package of a case, for a court.</summary>
internal static class EvidenceApi
{
    public static RouteGroupBuilder MapEvidenceApi(this RouteGroupBuilder group) => group;
}
