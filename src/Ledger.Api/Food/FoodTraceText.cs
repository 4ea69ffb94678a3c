namespace Ledger.Api.Food;

/// <summary>The fixed words of the trace page, Chinese first.</summary>
internal sealed record FoodTraceText(
    string Title, string Backward, string Forward, string Traced, string Lot, string Product, string Pallet, string Place,
    string Caption, string Events, string Number, string Time, string Event, string Inputs, string Outputs, string Failed,
    string FailedWord, string Certificate, string Withheld, string DepthLimited, string Truncated, string PublicNote,
    string PublicTests, string BadRequestTitle, string BadRequest, string NotFoundTitle, string NotFound, string NoEvents,
    string GraphLabel, string TableLabel, string VerifyEvent)
{
    public static FoodTraceText For(string language) => language == PublicPages.PageLanguage.English ? English : Chinese;

    /// <summary>An event type or CBV business step (its Web URI or bare word) in words.</summary>
    public string Word(string? value)
    {
        if (value is null)
        {
            return "";
        }
        var bare = value.StartsWith("https://ref.gs1.org/cbv/BizStep-", StringComparison.Ordinal) ? value[32..] : value;
        return (this == English ? EnglishWords : ChineseWords).GetValueOrDefault(bare, bare);
    }

    private static readonly FoodTraceText Chinese = new(
        "食品追溯图", "来源追溯（向上游）", "去向追溯（向下游）", "追溯对象", "批次", "产品", "物流单元", "地点",
        "方框是批次或物流单元，圆角框是地点，箭头是事件（编号同下表，点开可核验）。红框标“快检不合格”的批次有不合格检测结果。",
        "追溯事件", "编号", "时间 (UTC)", "事件", "投入或对象", "产出", "不合格检测", "快检不合格", "检测证明",
        "另有 {0} 个事件属于其他单位，您无权查看，图和表中未列出。", "追溯已达层数上限，后面的环节没有画出。",
        "事件太多，图中只画出前 {0} 个；下表列出全部事件。",
        "供应链事件只对市场监管人员和相关企业开放，登录后可在此看到完整的追溯图。下面是此批次公开的快检结果。",
        "此批次公开的检测结果", "无效的追溯码",
        "请提供一个 GS1 批次或产品标识（EPC URN，如 urn:epc:class:lgtin:…，或 GS1 数字链接，如 https://id.gs1.org/01/…/10/…）；方向只能是 backward 或 forward。",
        "未找到此批次", "账本中没有任何事件或公开检测记录使用这个标识。", "您可以查看的事件中没有此批次。",
        "追溯图", "追溯事件表", "核验");

    private static readonly FoodTraceText English = new(
        "Food trace", "Backward: where it came from", "Forward: where it went", "Traced", "Lot", "Product", "Logistic unit", "Place",
        "Boxes are lots or logistic units, rounded boxes are places, arrows are events (numbered as in the table below; open one to verify it). A red box marked FAILED TEST is a lot with a failed test.",
        "Events", "No.", "Time (UTC)", "Event", "Inputs or objects", "Outputs", "Failed tests", "FAILED TEST", "Certificate",
        "{0} more events belong to other organisations you may not read; they are not shown.", "The trace reached its depth limit; later steps are not drawn.",
        "Too many events to draw: the drawing shows the first {0}; the table lists them all.",
        "Supply-chain events are open only to market-supervision staff and the businesses concerned; signed-in staff see the whole trace here. Below are this lot's published rapid tests.",
        "Published tests of this lot", "Not a valid trace code",
        "Give one GS1 lot or product identifier (an EPC URN such as urn:epc:class:lgtin:…, or a GS1 Digital Link URI such as https://id.gs1.org/01/…/10/…); the direction is backward or forward.",
        "Lot not found", "No event or published test in the ledger names this identifier.", "None of the events you may read names this lot.",
        "Trace graph", "Trace events", "Verify");

    private static readonly Dictionary<string, string> ChineseWords = new(StringComparer.Ordinal)
    {
        ["ObjectEvent"] = "观察", ["AggregationEvent"] = "装载", ["TransformationEvent"] = "加工转化", ["TransactionEvent"] = "交易", ["AssociationEvent"] = "关联",
        ["commissioning"] = "生产赋码", ["shipping"] = "发货", ["receiving"] = "收货", ["packing"] = "装箱", ["unpacking"] = "拆箱",
        ["transforming"] = "加工", ["storing"] = "入库", ["inspecting"] = "检验", ["accepting"] = "验收", ["loading"] = "装车",
        ["unloading"] = "卸车", ["departing"] = "出发", ["arriving"] = "到达", ["retail_selling"] = "零售", ["repairing"] = "返工",
        ["destroying"] = "销毁", ["holding"] = "扣留", ["sampling"] = "抽样",
    };

    private static readonly Dictionary<string, string> EnglishWords = new(StringComparer.Ordinal)
    {
        ["ObjectEvent"] = "Observation", ["AggregationEvent"] = "Packing into a unit", ["TransformationEvent"] = "Transformation",
        ["TransactionEvent"] = "Transaction", ["AssociationEvent"] = "Association", ["retail_selling"] = "retail selling",
    };
}
