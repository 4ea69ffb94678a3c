namespace Ledger.Api.PublicPages;

/// <summary>
/// The fixed words of the public pages, in Chinese and English. The sentences that depend on a record's status are the
/// page script's (Assets/text.js), since the browser writes them after it has checked the proof.
/// </summary>
internal sealed record PageText(
    string Title,
    string Heading,
    string Intro,
    string HashLabel,
    string HashHint,
    string Check,
    string FileHeading,
    string FileHint,
    string FileLabel,
    string SaltLabel,
    string SaltHint,
    string ResultHeading,
    string ChecksHeading,
    string DownloadProof,
    string PrintReceipt,
    string QrAlt,
    string QrCaption,
    string NoScript,
    string ReceiptTitle,
    string ReceiptScan,
    string ReceiptHash,
    string Switch,
    string Footer)
{
    public static PageText For(string language) => language == PageLanguage.English ? English : Chinese;

    private static readonly PageText Chinese = new(
        Title: "核验记录",
        Heading: "核验一条政务记录",
        Intro: "输入记录哈希，或放入证明文件。您的浏览器会自己重新计算证明，并直接向区块链核对，不需要相信本服务。",
        HashLabel: "记录哈希",
        HashHint: "0x 加 64 位十六进制数字，印在回执和二维码下方。",
        Check: "核验",
        FileHeading: "或者检查一个文件",
        FileHint: "把证明文件（ledger-proof/v1）或记录 JSON 拖到这里，或者选择文件。文件只在您的浏览器中读取，不会上传。",
        FileLabel: "选择文件",
        SaltLabel: "盐值（记录 JSON 中没有盐值时填写）",
        SaltHint: "0x 加 64 位十六进制数字，由签发机关提供。",
        ResultHeading: "结果",
        ChecksHeading: "检查了什么，在哪里检查",
        DownloadProof: "下载证明文件",
        PrintReceipt: "打印回执",
        QrAlt: "本记录核验页面的二维码",
        QrCaption: "扫描二维码，在手机上核验。",
        NoScript: "本页需要 JavaScript 才能在您的浏览器中核验证明。没有 JavaScript 时，可以下载证明文件，用 ledger verify 核验。",
        ReceiptTitle: "记录回执",
        ReceiptScan: "扫描二维码或打开下面的地址，自行核验：",
        ReceiptHash: "记录哈希",
        Switch: "English",
        Footer: "本页的全部内容都由本服务提供，不从其他网站加载任何东西。");

    private static readonly PageText English = new(
        Title: "Verify a record",
        Heading: "Verify a government record",
        Intro: "Enter a record hash, or drop in a proof file. Your browser recomputes the proof and checks it against the chain itself: you need not trust this service.",
        HashLabel: "Record hash",
        HashHint: "0x followed by 64 hexadecimal digits, printed on the receipt below the QR code.",
        Check: "Verify",
        FileHeading: "Or check a file",
        FileHint: "Drop a proof file (ledger-proof/v1) or a record JSON here, or choose files. Files are read in your browser only and never uploaded.",
        FileLabel: "Choose files",
        SaltLabel: "Salt (if the record JSON has none)",
        SaltHint: "0x followed by 64 hexadecimal digits, given by the issuing agency.",
        ResultHeading: "Result",
        ChecksHeading: "What was checked, and where",
        DownloadProof: "Download the proof",
        PrintReceipt: "Print a receipt",
        QrAlt: "QR code of this record's verification page",
        QrCaption: "Scan the QR code to verify on a phone.",
        NoScript: "This page needs JavaScript to check the proof in your browser. Without it, download the proof and check it with ledger verify.",
        ReceiptTitle: "Record receipt",
        ReceiptScan: "Scan the QR code or open this address to check it yourself:",
        ReceiptHash: "Record hash",
        Switch: "中文",
        Footer: "Everything on this page is served by this service; nothing is loaded from anywhere else.");
}
