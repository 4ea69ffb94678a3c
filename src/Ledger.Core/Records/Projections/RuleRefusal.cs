namespace Ledger.Core.Records.Projections;

/// <summary>How a refused record is answered: a conflict with what is stored, or a request that cannot be met as sent.</summary>
public enum RefusalKind
{
    /// <summary>409: the record contradicts what is already stored (revoked twice, a vote already cast).</summary>
    Conflict,
    /// <summary>422: the record is well formed but the stored state does not allow it (a balance too low).</summary>
    Unprocessable,
}

/// <summary>Why a stateful rule refused a record: the rule's name and a sentence a person can act on.</summary>
/// <param name="Rule">The rule's name, e.g. <c>balance-not-negative</c>; sent as the problem's <c>rule</c>.</param>
/// <param name="Kind">Which answer the request gets.</param>
/// <param name="Title">The problem's title: short, the same for every refusal by this rule.</param>
/// <param name="Detail">What is wrong, with the stored values that decided it (never payload content of other records).</param>
public sealed record RuleRefusal(string Rule, RefusalKind Kind, string Title, string Detail);
