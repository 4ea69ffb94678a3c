using System.Globalization;
using Ledger.Core.Proofs;
using Ledger.Core.Records.Types.CommunityCorrection.Evidence;

namespace Ledger.Api.Correction;

/// <summary>
/// The plain-language guide in every evidence package, in Chinese and English: what the package holds, how to check
/// it without the ledger's operator, what a passing check proves (SPC online litigation rules Arts. 16–18: data on a
/// chain that passes technical verification is presumed unaltered after upload) and what it does not (what happened
/// before a record was made is examined separately).
/// </summary>
internal static class EvidenceGuide
{
    public static (string Chinese, string English) Of(EvidenceManifest manifest, AnchorSection? anchor)
    {
        var inRange = manifest.Records.Count(r => r.InRange);
        var chain = anchor is null ? "" : string.Create(CultureInfo.InvariantCulture, $"{anchor.ChainId}");
        var contract = anchor?.Contract ?? "";
        return (Chinese(manifest, inRange, chain, contract), English(manifest, inRange, chain, contract));
    }

    private static string Chinese(EvidenceManifest m, int inRange, string chain, string contract) => $"""
        社区矫正电子证据包 — 阅读说明
        ================================

        案件编号：{m.Case.CaseRef}（所属地区 {m.Case.AreaCode}，立案单位 {m.Case.OpenedBy}）
        证据范围：{m.Range.From} 至 {m.Range.To}（北京时间）
        调取人：{m.RequestedBy.Organisation} 的 {m.RequestedBy.Role}（凭证 {m.RequestedBy.KeyId}），事由：{m.RequestedBy.Purpose}
        生成时间：{m.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC

        一、包内有什么
        - manifest.json：清单。列出每个文件及其 SHA-256 值、每条记录在案件链中的序号。
        - records/：案件自立案起至范围末日的全部 {m.Records.Count} 条记录（其中 {inRange} 条在范围内，其余为理解范围所需的前情）。
          每条记录有 envelope.json（原始记录，含随机盐值与内容，其 keccak-256 哈希即记录哈希）和 proof.json（默克尔证明、
          上链交易、签发单位签名）。撤销某条记录的撤销记录也是案件链中的一环（类型 revocation），同样在 records/ 中。
        - anchoring/：上链交易的签名原文及收据。
        - revocations/：早于"撤销即入链"之前作出的撤销记录（如有，共 {m.Revocations.Count} 条）。
        - chain.json：完整性链检查结果；alerts.json：范围内的合规预警；package-event.json：生成本证据包的访问留痕记录，
          其内容包含 manifest.json 的 SHA-256；该记录已上链，其证明（proofBundle）也在此文件中，
          因此可以证明交付的正是这份清单、交付于何时，末尾的记录不可能被悄悄删去。

        二、如何核验（无需信任本系统运营方）
        使用开源命令行工具：
            ledger verify-package <本文件.zip> --rpc <区块链节点地址>{(contract.Length > 0 ? $" --contract {contract}" : "")}
        工具会逐条：重新计算记录哈希；向区块链（链 ID {chain}，合约 {contract}）核对默克尔根与上链交易；核对签发单位签名及其
        在链上登记的公钥；按序号与前一记录哈希检查完整性链，发现任何缺失、插入或顺序调换；依据包内记录重新计算预警并与
        alerts.json 比对；核对每个文件的 SHA-256；核对生成本证据包的留痕记录已上链并指向这份清单。任何一项不符，结论即为"无效"。

        三、核验通过说明什么、不说明什么
        - 说明：每条记录自上链后未被篡改、删除或调序；记录由所示单位签发；预警由记录按公开规则计算得出，可重复。
        - 不说明：记录生成之前的事实是否真实（依《人民法院在线诉讼规则》第十八条，上链前的真实性另行审查）。
        - 记录均为假名化信息：人员以案件编号表示，不含姓名、身份证号或精确位置。
        """;

    private static string English(EvidenceManifest m, int inRange, string chain, string contract) => $"""
        Community-correction evidence package — how to read it
        ======================================================

        Case: {m.Case.CaseRef} (jurisdiction {m.Case.AreaCode}, opened by {m.Case.OpenedBy})
        Range: {m.Range.From} to {m.Range.To} (China Standard Time)
        Requested by: a {m.RequestedBy.Role} of {m.RequestedBy.Organisation} (credential {m.RequestedBy.KeyId}), for: {m.RequestedBy.Purpose}
        Made at: {m.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC

        1. What the package holds
        - manifest.json: every file with its SHA-256, and every record with its number in the case's chain.
        - records/: all {m.Records.Count} records of the case from its opening to the end of the range ({inRange} dated within
          the range; the others are the context it needs). Each has envelope.json (the record exactly as hashed, with its
          random salt and content; its keccak-256 is the record hash) and proof.json (Merkle proof, anchoring transaction,
          the issuing organisation's signature). A revocation of one of them is a link of the case's chain too (type
          revocation), and lies in records/ as well.
        - anchoring/: the anchoring transactions, signed, and their receipts.
        - revocations/: revocations of any of the above made before revocations became links of the chain ({m.Revocations.Count}).
        - chain.json: the completeness-chain check; alerts.json: the compliance alerts of the range; package-event.json: the
          access-trail record of making this package, which holds the SHA-256 of manifest.json, and its proof (proofBundle):
          it is on chain, so it shows that this manifest is the one handed out, and when — no record can be cut off the end.

        2. How to check it, without trusting the ledger's operator
            ledger verify-package <this file.zip> --rpc <a node of the chain>{(contract.Length > 0 ? $" --contract {contract}" : "")}
        For every record it recomputes the hash, checks the Merkle root and the anchoring transaction on the chain (chain id
        {chain}, contract {contract}), the issuer's signature and the key the chain registered for it; it checks that the
        records follow each other by number and by the previous record's hash, so a record missing, added or moved is
        found; it computes the alerts again from the records and compares them with alerts.json; and it checks every
        file's SHA-256; and it checks that the record of making this package is on chain and names this manifest. Any
        mismatch makes the verdict invalid.

        3. What a passing check proves, and what it does not
        - It proves that no record was altered, removed or reordered since it was anchored; who issued each record; and
          that the alerts follow from the records by published rules, so anyone gets the same ones.
        - It does not prove that what a record says was true when it was made: under the Supreme People's Court online
          litigation rules (Art. 18), authenticity before upload is examined separately.
        - Records are pseudonymous: the person appears as the case reference, never by name, ID number or exact location.
        """;
}
