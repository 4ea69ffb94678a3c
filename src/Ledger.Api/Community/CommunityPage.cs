using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Ledger.Api.Community;

/// <summary>
/// The community's public page, rendered on the server (no script, so it works on any phone): Chinese first with the
/// English beside it, large type, one column, and every line a link to the record's verify page.
/// </summary>
internal static class CommunityPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;
    private static readonly string[] TimeBankTypes = ["volunteer-service", "service-confirmation", "hours-redemption", "hours-transfer", "hours-received", "timebank-statement"];

    private static readonly Dictionary<string, string> TypeNames = new(StringComparer.Ordinal)
    {
        ["fund-income"] = "收入 Income",
        ["fund-expense"] = "支出 Expense",
        ["expense-approval"] = "支出审批 Approval",
        ["fund-statement"] = "月度报表 Monthly statement",
        ["volunteer-service"] = "志愿服务 Service",
        ["service-confirmation"] = "服务确认 Confirmation",
        ["hours-redemption"] = "时长兑换 Redemption",
        ["hours-transfer"] = "时长转出 Transfer out",
        ["hours-received"] = "时长转入 Transfer in",
        ["timebank-statement"] = "时长证明 Statement",
        ["proposal"] = "议题 Proposal",
        ["vote"] = "投票 Vote",
        ["vote-opening"] = "开票 Opening",
        ["decision"] = "决议 Decision",
        ["objection"] = "异议 Objection",
        ["objection-resolution"] = "异议答复 Resolution",
        ["household"] = "住户登记 Household",
    };

    /// <summary>A record type's name on the page, Chinese then English.</summary>
    public static string TypeName(string type) => TypeNames.GetValueOrDefault(type, type);

    /// <summary>The page; <paramref name="limit"/> is the query's, kept in the links to older and newer records.</summary>
    public static string Render(CommunityBoardView view, string? limit)
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Html.Encode(view.Name)).Append(" · 社区公开账本 Community ledger</title>")
            .Append("<link rel=\"stylesheet\" href=\"/community/assets/community.css\"></head><body><main>")
            .Append("<h1>").Append(Html.Encode(view.Name)).Append("<span lang=\"en\">社区公开账本 · Community public ledger</span></h1>")
            .Append("<p class=\"note\">每一行都可点击核验：记录哈希已上链。<span lang=\"en\">Every line opens its verify page: each record's hash is anchored on chain.</span></p>");
        Fund(page, view);
        Section(page, "time-bank", "志愿服务时长", "Volunteer time bank",
            "时长记录只公开哈希与状态；志愿者可凭编号和核对码在下方核对自己的记录。",
            "Time-bank records show only their hash and status; volunteers check their own below with their reference and check code.",
            view.Lines.Where(l => TimeBankTypes.Contains(l.Type)), _ => null);
        VolunteerSelfCheckPage.Form(page, view.CommunityId);
        Section(page, "decisions", "居民议事", "Resident decisions", null, null,
            view.Lines.Where(l => l.Type is "proposal" or "vote" or "vote-opening" or "decision"), Decision);
        Section(page, "objections", "异议", "Objections", null, null,
            view.Lines.Where(l => l.Type is "objection" or "objection-resolution"), Objection);
        Pager(page, view, limit);
        return page.Append("</main></body></html>").ToString();
    }

    // Links to the newer and older records, when there are any: the fund and the self-check stay on every page.
    private static void Pager(StringBuilder page, CommunityBoardView view, string? limit)
    {
        if (view.Newer is null && view.Older is null)
        {
            return;
        }
        var path = $"/community/{Uri.EscapeDataString(view.CommunityId)}";
        var limitQuery = limit is null ? "" : $"&limit={Uri.EscapeDataString(limit)}";
        page.Append("<nav class=\"pager\" aria-label=\"翻页 Pages\">");
        if (view.Newer is not null)
        {
            page.Append("<a rel=\"prev\" href=\"").Append(Html.Encode($"{path}?cursor={view.Newer}{limitQuery}")).Append("\">← 较新记录 <span lang=\"en\">Newer</span></a>");
        }
        if (view.Older is not null)
        {
            page.Append("<a rel=\"next\" href=\"").Append(Html.Encode($"{path}?cursor={view.Older}{limitQuery}")).Append("\">较早记录 → <span lang=\"en\">Older</span></a>");
        }
        page.Append("</nav>");
    }

    private static void Fund(StringBuilder page, CommunityBoardView view)
    {
        var month = view.Fund;
        page.Append("<section id=\"fund\"><h2>社区基金<span lang=\"en\">Community fund</span></h2>")
            .Append("<p class=\"balance\">余额 <span lang=\"en\">Balance</span> <strong>¥").Append(Yuan(view.Balance)).Append("</strong></p>")
            .Append("<p>本月 <span lang=\"en\">This month</span> ").Append(month.Month).Append(": 期初 <span lang=\"en\">opening</span> ¥").Append(month.OpeningBalance)
            .Append(" · 收入 <span lang=\"en\">income</span> ¥").Append(month.TotalIncome)
            .Append(" · 支出 <span lang=\"en\">expense</span> ¥").Append(month.TotalExpense)
            .Append(" · 期末 <span lang=\"en\">closing</span> ¥").Append(month.ClosingBalance).Append("</p><ul>");
        foreach (var entry in month.Entries.Reverse())
        {
            Line(page, entry.RecordHash, entry.Kind == "income" ? "收入 Income" : "支出 Expense", entry.CountedAt,
                $"¥{entry.Amount} · {entry.Category} · {entry.Purpose}");
        }
        foreach (var line in view.Lines.Where(l => l.Type is "fund-statement" || (l.Type == "fund-expense" && l.Payload?["approvalsRequired"]?.GetValue<int>() > 0)))
        {
            Line(page, line.RecordHash, TypeNames[line.Type], line.At, line.Type == "fund-statement"
                ? $"{line.Payload?["month"]} · 期末 closing ¥{line.Payload?["closingBalance"]} · {line.Payload?["entryCount"]} 笔 entries"
                : $"¥{line.Payload?["amount"]} · 需双人审批 needs two approvals · {line.Payload?["purpose"]}");
        }
        page.Append("</ul></section>");
    }

    private static void Section(StringBuilder page, string id, string zh, string en, string? noteZh, string? noteEn,
        IEnumerable<BoardLine> lines, Func<BoardLine, string?> describe)
    {
        page.Append("<section id=\"").Append(id).Append("\"><h2>").Append(zh).Append("<span lang=\"en\">").Append(en).Append("</span></h2>");
        if (noteZh is not null)
        {
            page.Append("<p class=\"note\">").Append(Html.Encode(noteZh)).Append("<span lang=\"en\">").Append(Html.Encode(noteEn!)).Append("</span></p>");
        }
        var list = lines.ToList();
        if (list.Count == 0)
        {
            page.Append("<p class=\"empty\">暂无记录 <span lang=\"en\">Nothing yet</span></p></section>");
            return;
        }
        page.Append("<ul>");
        foreach (var line in list)
        {
            Line(page, line.RecordHash, TypeNames.GetValueOrDefault(line.Type, line.Type), line.At, describe(line) ?? Status(line.Status));
        }
        page.Append("</ul></section>");
    }

    private static string Decision(BoardLine line) => line.Type switch
    {
        "proposal" => $"{line.Payload?["proposalRef"]} · {line.Payload?["title"]} · {(line.Payload?["ballot"]?.GetValue<string>() == "secret" ? "无记名 secret ballot" : "记名 open ballot")} · 截止 closes {line.Payload?["closesAt"]}",
        "vote" => $"{line.Payload?["proposal"]} · 住户 household {line.Payload?["householdRef"]} · {(line.Payload?["choice"] is { } choice ? choice.GetValue<string>() : "已加密承诺 sealed commitment")}{(line.Payload?["assisted"]?.GetValue<bool>() == true ? " · 窗口代投 assisted" : "")}",
        "vote-opening" => $"{line.Payload?["proposal"]} · 住户 household {line.Payload?["householdRef"]} · 开票 opened: {line.Payload?["choice"]}",
        _ => $"{line.Payload?["proposal"]} · 结果 outcome: {line.Payload?["outcome"]} · {line.Payload?["votesCast"]} 票 votes, 法定 quorum {line.Payload?["quorum"]}",
    };

    private static string Objection(BoardLine line) => line.Type == "objection"
        ? $"针对 against {Short(line.Payload?["entry"]?.GetValue<string>())} · {line.Payload?["reason"]}"
        : $"答复 answers {Short(line.Payload?["objection"]?.GetValue<string>())} · {(line.Payload?["resolution"]?.GetValue<string>() == "upheld" ? "成立 upheld" : "驳回 dismissed")} · {line.Payload?["note"]}";

    private static void Line(StringBuilder page, string hash, string kind, DateTimeOffset at, string text) =>
        page.Append("<li><a href=\"/v/").Append(hash).Append("\"><span class=\"kind\">").Append(Html.Encode(kind)).Append("</span> ")
            .Append("<time datetime=\"").Append(at.ToString("O", CultureInfo.InvariantCulture)).Append("\">")
            .Append(at.ToOffset(FundLedger.ChinaOffset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append("</time> ")
            .Append("<span class=\"text\">").Append(Html.Encode(text)).Append("</span> <code>").Append(Short(hash)).Append("</code></a></li>");

    private static string Status(string status) => status switch
    {
        "pending" => "待上链 pending",
        "anchored" => "已上链 anchored",
        "confirmed" => "已确认 confirmed",
        _ => status,
    };

    private static string Short(string? hash) => hash is { Length: > 14 } ? $"{hash[..10]}…{hash[^4..]}" : hash ?? "";

    private static string Yuan(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The page's stylesheet: large type, one column, nothing wider than a 360-px phone.</summary>
    public const string Stylesheet = """
        :root { font-size: 18px; line-height: 1.5; color: #1a1a1a; background: #fff; }
        body { margin: 0; font-family: "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", system-ui, sans-serif; }
        main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.6rem; margin: 0.5rem 0; }
        h2 { font-size: 1.3rem; margin: 1.5rem 0 0.5rem; border-bottom: 2px solid #b22222; }
        h1 span, h2 span { display: block; font-size: 0.75em; font-weight: normal; color: #444; }
        .balance strong { font-size: 1.5rem; }
        .note, .empty { color: #444; }
        .note span, .empty span { display: block; }
        ul { list-style: none; padding: 0; margin: 0; }
        li { border-bottom: 1px solid #ddd; }
        li a { display: block; padding: 0.6rem 0.2rem; color: #0b3d91; text-decoration: none; overflow-wrap: anywhere; }
        li a:focus, li a:hover { background: #f2f6ff; outline: 2px solid #0b3d91; }
        .kind { font-weight: bold; }
        time { color: #333; }
        code { display: block; font-size: 0.85rem; color: #555; }
        .pager { display: flex; justify-content: space-between; gap: 1rem; margin: 1.5rem 0; }
        .pager a { color: #0b3d91; padding: 0.6rem 0; }
        form { display: grid; gap: 0.4rem; max-width: 24rem; }
        label span { font-size: 0.85em; color: #444; }
        input, button { font: inherit; padding: 0.5rem; border: 1px solid #555; border-radius: 4px; }
        button { background: #0b3d91; color: #fff; border-color: #0b3d91; cursor: pointer; }
        button:focus, input:focus { outline: 3px solid #f0a500; }
        """;
}
