using System.Text;
using System.Text.Encodings.Web;

namespace Ledger.Api.Community;

/// <summary>
/// The volunteer's self-check on the community page: the form (reference and check secret, posted, never in the URL)
/// and the answer, rendered on the server like the rest of the page, Chinese first with the English beside it.
/// </summary>
internal static class VolunteerSelfCheckPage
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Default;

    /// <summary>The form, as a section of the community page.</summary>
    public static void Form(StringBuilder page, string communityId) =>
        page.Append("<section id=\"self-check\"><h2>核对我的时长<span lang=\"en\">Check my own hours</span></h2>")
            .Append("<p class=\"note\">凭志愿者编号和时长证明（或志愿者卡）上印的核对码查看自己的余额和每条记录。核对码只有您和社区知道；编号或核对码不对时，页面不会说明是哪一项不对。")
            .Append("<span lang=\"en\">Enter your volunteer reference and the check code printed on your statement or card to see your balance and every entry. ")
            .Append("Only you and the community know the code; a wrong reference and a wrong code get the same answer.</span></p>")
            .Append("<form method=\"post\" action=\"/community/").Append(Html.Encode(communityId)).Append("/self-check\" autocomplete=\"off\">")
            .Append("<label for=\"volunteerRef\">志愿者编号 <span lang=\"en\">Volunteer reference</span></label>")
            .Append("<input id=\"volunteerRef\" name=\"volunteerRef\" required maxlength=\"64\" autocapitalize=\"characters\">")
            .Append("<label for=\"secret\">核对码 <span lang=\"en\">Check code</span></label>")
            .Append("<input id=\"secret\" name=\"secret\" type=\"password\" required maxlength=\"64\">")
            .Append("<button type=\"submit\">核对 <span lang=\"en\">Check</span></button></form></section>");

    /// <summary>The answer page: the account, or one sentence whatever was wrong.</summary>
    public static string Render(string communityId, TimebankAccountView? view)
    {
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\">")
            .Append("<title>核对我的时长 Check my own hours</title>")
            .Append("<link rel=\"stylesheet\" href=\"/community/assets/community.css\"></head><body><main>")
            .Append("<h1>核对我的时长<span lang=\"en\">Check my own hours</span></h1>");
        if (view is null)
        {
            page.Append("<p role=\"alert\">没有与此编号和核对码相符的时长账户。请核对后重试。")
                .Append("<span lang=\"en\">No time-bank account matches this reference and check code. Check them and try again.</span></p>");
            Form(page, communityId);
        }
        else
        {
            Account(page, view);
        }
        return page.Append("<p><a href=\"/community/").Append(Html.Encode(communityId)).Append("\">返回社区账本 <span lang=\"en\">Back to the community ledger</span></a></p>")
            .Append("</main></body></html>").ToString();
    }

    private static void Account(StringBuilder page, TimebankAccountView view)
    {
        page.Append("<p class=\"balance\">").Append(Html.Encode(view.VolunteerRef)).Append(" · 余额 <span lang=\"en\">Balance</span> <strong>")
            .Append(view.Balance).Append(" 小时 h</strong></p>")
            .Append("<p>已确认 <span lang=\"en\">Confirmed</span> ").Append(view.ConfirmedHours)
            .Append(" · 待确认 <span lang=\"en\">Pending</span> ").Append(view.PendingHours).Append("</p>");
        if (view.Entries.Count == 0)
        {
            page.Append("<p class=\"empty\">暂无记录 <span lang=\"en\">Nothing yet</span></p>");
            return;
        }
        page.Append("<p class=\"note\">每条记录都可点击核验其哈希是否已上链。<span lang=\"en\">Every entry opens the verify page of its hash.</span></p><ul>");
        foreach (var entry in view.Entries.Reverse())
        {
            page.Append("<li><a href=\"/v/").Append(entry.RecordHash).Append("\"><span class=\"kind\">").Append(Html.Encode(CommunityPage.TypeName(entry.Type)))
                .Append("</span> ").Append(Html.Encode(entry.OccurredAt)).Append(" <span class=\"text\">")
                .Append(entry.Hours is null ? "" : Html.Encode(entry.Hours) + " 小时 h · ").Append(StatusName(entry.Status))
                .Append("</span> <code>").Append(entry.RecordHash).Append("</code></a></li>");
        }
        page.Append("</ul>");
    }

    private static string StatusName(string status) => status switch
    {
        "confirmed" => "已确认 confirmed",
        "pending" => "待确认 pending",
        "anchored" => "已上链 anchored",
        "revoked" => "已撤销 revoked",
        _ => Html.Encode(status),
    };
}
