// The page's sentences, Chinese first. Templates name their values in braces; a value may be a link ({ href, text }).
const zh = {
  checking: '正在核验……',
  authentic: '真实有效。由{agency}于{issued}签发；{anchored}记录在{chain}第 {block} 号区块；此后未被改动。',
  authenticNoDate: '真实有效。由{agency}签发；{anchored}记录在{chain}第 {block} 号区块；此后未被改动。',
  pending: '已于{received}收到；将在约 {seconds} 秒内记录到区块链上。',
  pendingNoDate: '已收到；将在约 {seconds} 秒内记录到区块链上。',
  revoked: '签发机关已于{date}撤销这条记录（原因：{reason}）。它签发时是真实的，但现在不应再作为依据。撤销本身也有记录：{link}。',
  revokedNoDetail: '签发机关已撤销这条记录。它签发时是真实的，但现在不应再作为依据。',
  superseded: '这条记录已于{date}被一条新记录取代。它签发时是真实的；请以新记录为准：{link}。',
  supersededNoDetail: '这条记录已被一条新记录取代。它签发时是真实的；请以新记录为准。',
  erased: '内容已于{date}依法删除（例如应当事人的请求）；这个哈希仍能证明该记录曾经存在且未被改动。',
  erasedNoDate: '内容已依法删除（例如应当事人的请求）；这个哈希仍能证明该记录曾经存在且未被改动。',
  notFound: '这里没有哈希为 {hash} 的记录。请检查哈希是否完整复制。',
  malformed: '这不是记录哈希：记录哈希是 0x 加 64 位十六进制数字。',
  badFile: '无法读取文件 {file}：它既不是证明文件（ledger-proof/v1），也不是记录（ledger-record/v1 或 v2）。',
  noSalt: '记录 {file} 中没有盐值，请在“盐值”一栏填写后再选择文件。',
  mismatch: '不一致。{why}',
  why: {
    recordFile: '您的记录文件的哈希是 {actual}，而要核验的是 {expected}。',
    bundleFor: '服务给出的证明针对的是 {actual}，而不是 {expected}。',
    merkle: '您的浏览器从记录哈希折叠证明，得到的根是 {actual}，但证明中写的根是 {expected}。',
    chainId: '区块链节点是链 {actual}，但证明写的是链 {expected}。',
    contract: '证明中的合约 {actual} 不是本服务公布的锚定合约 {expected}。',
    anchoredAt: '合约中根 {root} 的锚定时间是 {actual}，证明写的是 {expected}（0 表示从未锚定）。',
    log: '锚定交易 {tx} 中没有由合约 {contract} 发出的、针对这个根的 RootAnchored 日志。',
    block: '第 {block} 号区块的哈希现在是 {actual}，证明写的是 {expected}。',
  },
  chainUnchecked: '本服务没有公布可供浏览器访问的区块链节点，所以链上的锚定未由您的浏览器核对。',
  chainUnavailable: '您的浏览器无法连接区块链节点 {url}；在能连接之前，链上的锚定只是本服务的说法。',
  checkedInBrowser: '您的浏览器已经自己向区块链核对了这份证明。',
  checks: {
    recordFile: '根据您的文件重新计算记录哈希', bundleFor: '证明针对的是这个记录哈希', merkle: '默克尔叶子和证明折叠到根',
    chainId: '区块链节点是证明中的链', contract: '证明中的合约是本服务公布的锚定合约',
    anchoredAt: '合约在所述时间锚定了这个根（anchoredAt）', log: '锚定交易的日志由该合约发出', block: '该区块仍在链上',
    status: '状态（撤销、取代、删除只有服务知道）', issuer: '签发机构和签名（浏览器未核对签名）', content: '记录内容（公开记录）',
  },
  where: { browser: '您的浏览器', server: '本服务' },
  outcome: { pass: '通过', fail: '不一致', skip: '未运行', claim: '服务的说法' },
  columns: ['检查', '在哪里', '结果'],
  status: { pending: '已收到，等待上链', anchored: '已上链', confirmed: '已上链并确认', revoked: '已撤销', superseded: '已被取代', erased: '内容已删除' },
  reasons: { 'issued-in-error': '签发有误', withdrawn: '撤回', 'court-order': '法院命令', duplicate: '重复', other: '其他' },
  labels: { hash: '记录哈希', status: '状态', issuer: '签发机构', type: '记录类型', occurredAt: '发生时间', recordedAt: '收到时间',
    chain: '区块链', block: '区块', anchoredAt: '上链时间', tx: '交易', contract: '合约', root: '默克尔根', content: '内容' },
  chainNamed: (name, id) => name ? `${name}（链 ${id}）` : `链 ${id}`,
  locale: 'zh-CN',
};

const en = {
  checking: 'Checking…',
  authentic: 'Authentic. Issued by {agency} on {issued}; recorded on {chain} in block {block} on {anchored}; unchanged since.',
  authenticNoDate: 'Authentic. Issued by {agency}; recorded on {chain} in block {block} on {anchored}; unchanged since.',
  pending: 'Received on {received}; it will be recorded on the chain within about {seconds} seconds.',
  pendingNoDate: 'Received; it will be recorded on the chain within about {seconds} seconds.',
  revoked: 'Revoked by its issuer on {date} (reason: {reason}). It was authentic when issued, but do not rely on it now. The revocation is itself recorded: {link}.',
  revokedNoDetail: 'Revoked by its issuer. It was authentic when issued, but do not rely on it now.',
  superseded: 'Replaced by a newer record on {date}. This one was authentic when issued; rely on the newer record: {link}.',
  supersededNoDetail: 'Replaced by a newer record. This one was authentic when issued; rely on the newer record.',
  erased: 'The content was erased on {date} as the law provides (for example at the data subject\'s request); this hash still proves the record existed and was not changed.',
  erasedNoDate: 'The content was erased as the law provides (for example at the data subject\'s request); this hash still proves the record existed and was not changed.',
  notFound: 'No record with the hash {hash} is known here. Check that the hash was copied completely.',
  malformed: 'This is not a record hash: a record hash is 0x followed by 64 hexadecimal digits.',
  badFile: 'Cannot read {file}: it is neither a proof file (ledger-proof/v1) nor a record (ledger-record/v1 or v2).',
  noSalt: 'The record {file} has no salt: enter it under "Salt" and choose the file again.',
  mismatch: 'Does not match. {why}',
  why: {
    recordFile: 'Your record file hashes to {actual}, but the hash being verified is {expected}.',
    bundleFor: 'The proof from the service is for {actual}, not for {expected}.',
    merkle: 'Your browser folded the proof from the record hash and reached the root {actual}, but the proof names the root {expected}.',
    chainId: 'The chain node is chain {actual}, but the proof names chain {expected}.',
    contract: 'The proof names the contract {actual}, which is not this service\'s anchor contract {expected}.',
    anchoredAt: 'The contract says the root {root} was anchored at {actual}, but the proof says {expected} (0 means never).',
    log: 'The anchoring transaction {tx} holds no RootAnchored log for this root emitted by the contract {contract}.',
    block: 'Block {block} now has the hash {actual}, but the proof names {expected}.',
  },
  chainUnchecked: 'This service publishes no chain node for browsers, so your browser did not check the anchor on the chain.',
  chainUnavailable: 'Your browser could not reach the chain node {url}; until it can, the anchor is the service\'s word.',
  checkedInBrowser: 'Your browser checked this proof against the chain itself.',
  checks: {
    recordFile: 'Record hash recomputed from your file', bundleFor: 'The proof is for this record hash', merkle: 'Merkle leaf and proof fold to the root',
    chainId: 'The chain node is the proof\'s chain', contract: 'The proof names this service\'s anchor contract',
    anchoredAt: 'The contract anchored the root at the stated time (anchoredAt)', log: 'The anchoring transaction\'s log was emitted by the contract', block: 'The block is still part of the chain',
    status: 'Status (revocation, replacement and erasure only the service knows)', issuer: 'Issuer and signature (not checked by the browser)', content: 'Record content (published records)',
  },
  where: { browser: 'your browser', server: 'this service' },
  outcome: { pass: 'passed', fail: 'does not match', skip: 'not run', claim: 'the service\'s word' },
  columns: ['Check', 'Where', 'Result'],
  status: { pending: 'received, not yet on the chain', anchored: 'on the chain', confirmed: 'on the chain and confirmed', revoked: 'revoked', superseded: 'replaced by a newer record', erased: 'content erased' },
  reasons: { 'issued-in-error': 'issued in error', withdrawn: 'withdrawn', 'court-order': 'court order', duplicate: 'duplicate', other: 'other' },
  labels: { hash: 'Record hash', status: 'Status', issuer: 'Issuer', type: 'Record type', occurredAt: 'Occurred', recordedAt: 'Received',
    chain: 'Chain', block: 'Block', anchoredAt: 'Recorded on the chain', tx: 'Transaction', contract: 'Contract', root: 'Merkle root', content: 'Content' },
  chainNamed: (name, id) => name ? `${name} (chain ${id})` : `chain ${id}`,
  locale: 'en-GB',
};

export const textFor = language => language === 'en' ? en : zh;

/** Splits a template into text and the values it names, so links stay elements and nothing is parsed as HTML. */
export const fill = (template, values) => template.split(/\{(\w+)\}/).map((part, i) => i % 2 === 0 ? part : (values[part] ?? ''));

export function dates(t) {
  const day = new Intl.DateTimeFormat(t.locale, { dateStyle: 'long' });
  const moment = new Intl.DateTimeFormat(t.locale, { dateStyle: 'long', timeStyle: 'short' });
  return { day: v => day.format(new Date(v)), moment: v => moment.format(new Date(v)) };
}
