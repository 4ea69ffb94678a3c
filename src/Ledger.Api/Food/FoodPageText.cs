namespace Ledger.Api.Food;

/// <summary>The fixed words of the certificate and stall pages, Chinese first.</summary>
internal sealed record FoodPageText(
    string CertificateTitle, string StallTitle, string Switch, string Enterprise, string Market, string Stall, string Product,
    string Lot, string Result, string Items, string TestItem, string Method, string Reading, string Limit, string Disposal,
    string Tester, string Agency, string Date, string Status, string RecordHash, string Verify, string QrCaption, string StallQrCaption,
    string NoTests, string NotFoundTitle, string NotFound, string Footer, string TraceLot)
{
    public static FoodPageText For(string language) => language == PublicPages.PageLanguage.English ? English : Chinese;

    /// <summary>A result, disposal or status in words.</summary>
    public string Word(string value) => (this == English ? EnglishWords : ChineseWords).GetValueOrDefault(value, value);

    private static readonly FoodPageText Chinese = new(
        "食品安全检测证明", "摊位食品安全码", "English", "被检单位", "市场", "摊位", "产品", "批次", "结果", "检测项目", "检测项目", "方法",
        "读数", "限值", "处置", "检测员", "检测机构", "日期", "链上状态", "记录哈希", "核验", "扫码核验本记录", "扫码查看本摊位检测记录",
        "本摊位暂无快检记录。", "未找到", "没有可公开的检测记录使用此哈希。", "本页内容来自区块链存证账本；扫码可独立核验记录未被篡改。", "追溯此批次的来源与去向");

    private static readonly FoodPageText English = new(
        "Food safety test certificate", "Stall food-safety code", "中文", "Business", "Market", "Stall", "Product", "Lot", "Result", "Items",
        "Test item", "Method", "Reading", "Limit", "Disposal", "Tester", "Agency", "Date", "Status on chain", "Record hash", "Verify",
        "Scan to verify this record", "Scan to see this stall's test results", "No rapid tests of this stall yet.", "Not found",
        "No public test record has this hash.", "From the blockchain-anchored ledger; scan to check independently that the record is unchanged.", "Trace where this lot came from and went");

    private static readonly Dictionary<string, string> ChineseWords = new(StringComparer.Ordinal)
    {
        ["pass"] = "合格", ["qualified"] = "合格", ["fail"] = "不合格", ["unqualified"] = "不合格", ["pending-lab"] = "待实验室结果",
        ["destroyed"] = "销毁", ["withdrawn"] = "下架", ["retest"] = "复检",
        ["pending"] = "等待上链", ["anchored"] = "已上链", ["confirmed"] = "已上链确认", ["superseded"] = "已被更正", ["revoked"] = "已撤销", ["erased"] = "已删除",
    };

    private static readonly Dictionary<string, string> EnglishWords = new(StringComparer.Ordinal)
    {
        ["pass"] = "Pass", ["qualified"] = "Qualified", ["fail"] = "Fail", ["unqualified"] = "Unqualified", ["pending-lab"] = "Pending laboratory",
        ["destroyed"] = "Destroyed", ["withdrawn"] = "Withdrawn from sale", ["retest"] = "Held for re-test",
        ["pending"] = "Pending", ["anchored"] = "Anchored", ["confirmed"] = "Confirmed", ["superseded"] = "Superseded", ["revoked"] = "Revoked", ["erased"] = "Erased",
    };
}
