using Ledger.Api.Records;

namespace Ledger.Api.Community;

/// <summary>A fund expense to record.</summary>
/// <param name="Amount">Yuan, exact text with at most two decimals, e.g. "1250.00".</param>
/// <param name="Purpose">What it was spent on.</param>
/// <param name="PayeeCategory">supplier, contractor, utility, public-body, community-organisation or volunteer-reimbursement; never a person's name.</param>
/// <param name="ReceiptHash">0x + 64 hex digits: the hash of the invoice or receipt document.</param>
/// <param name="PaidOn">The day of the payment (YYYY-MM-DD).</param>
/// <param name="CorrectionOf">For a late correction: the record hash of the entry of a closed month it corrects.</param>
public sealed record FundExpenseRequest(string Amount, string Purpose, string PayeeCategory, string ReceiptHash, string PaidOn, string? CorrectionOf);

/// <summary>A stored fund expense.</summary>
/// <param name="Id">The fund-expense record's id.</param>
/// <param name="RecordHash">Its record hash.</param>
/// <param name="ApprovalsRequired">0, or 2 when it is above the dual-approval threshold.</param>
/// <param name="Counted">Whether it already counts in the balance (true when it needs no approvals).</param>
/// <param name="Links">Where to read and verify it.</param>
public sealed record FundExpenseResult(string Id, string RecordHash, int ApprovalsRequired, bool Counted, RecordLinks Links);

/// <summary>A stored approval of a fund expense.</summary>
/// <param name="RecordHash">The expense-approval record's hash.</param>
/// <param name="ExpenseRecord">The approved expense's record hash.</param>
/// <param name="ApprovalNumber">1 or 2.</param>
/// <param name="Counted">Whether the expense now counts (after the second approval).</param>
public sealed record ExpenseApprovalResult(string RecordHash, string ExpenseRecord, int ApprovalNumber, bool Counted);

/// <summary>One entry of a month of the fund.</summary>
/// <param name="RecordHash">The fund-income or fund-expense record, or for a reversal the revocation record; its public page is /v/{hash}.</param>
/// <param name="Kind">income or expense: which way the money moved (a revoked income reverses as an expense, a revoked expense as income).</param>
/// <param name="Amount">Yuan, exact.</param>
/// <param name="Category">The income's source or the expense's payee category.</param>
/// <param name="Purpose">What it was for.</param>
/// <param name="CountedAt">When it entered the balance: its own commit, or its second approval's.</param>
/// <param name="ApprovalRecords">The approvals that made an expense count, if it needed them.</param>
/// <param name="Reverses">
/// For a reversal (category revocation): the hash of the revoked entry, which still shows in the month it counted; the
/// reversal falls in the month of the revocation, so a closed month never changes. Null for an ordinary entry.
/// </param>
public sealed record FundEntry(
    string RecordHash, string Kind, string Amount, string Category, string Purpose, DateTimeOffset CountedAt, IReadOnlyList<string> ApprovalRecords,
    string? Reverses = null);

/// <summary>A month of a community's fund, as the entries give it, and its anchored statement once closed.</summary>
/// <param name="CommunityId">The community.</param>
/// <param name="Month">YYYY-MM in China Standard Time.</param>
/// <param name="OpeningBalance">Yuan at the start of the month.</param>
/// <param name="TotalIncome">Yuan received in the month.</param>
/// <param name="TotalExpense">Yuan spent in the month.</param>
/// <param name="ClosingBalance">Yuan at the end (so far, for an open month).</param>
/// <param name="EntriesRoot">Merkle root over the entries' record hashes, as the statement commits to it.</param>
/// <param name="Entries">Every entry of the month, in order.</param>
/// <param name="StatementRecord">The fund-statement record's hash once the month is closed; null while open.</param>
public sealed record FundMonthView(
    string CommunityId, string Month, string OpeningBalance, string TotalIncome, string TotalExpense, string ClosingBalance,
    string EntriesRoot, IReadOnlyList<FundEntry> Entries, string? StatementRecord);
