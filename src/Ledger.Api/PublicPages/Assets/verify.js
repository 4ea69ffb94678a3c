// The verify page: fetches a record's public view and proof, checks the proof in this browser (the Merkle fold, and
// the anchor on the chain when a public node is published), and says what it found in one plain sentence.
import { dates, textFor } from './text.js';
import { fold, isHash, recordHashOf } from './proof.js';
import { ChainUnavailable, chainChecks } from './chain.js';
import * as render from './render.js';

const main = document.getElementById('verify');
const config = main.dataset;
const t = textFor(config.lang);
const when = dates(t);
const pageLink = hash => ({ href: `/v/${hash}?lang=${config.lang}`, text: hash });

async function getJson(url) {
  const response = await fetch(url, { headers: { accept: 'application/json' }, cache: 'no-store' });
  return { code: response.status, body: response.ok ? await response.json() : null };
}

/** Checks one record hash; a dropped proof or record file comes in as bundle / fileCheck. */
async function verifyHash(hash, { bundle, fileCheck } = {}) {
  main.dataset.state = 'checking';
  render.verdict(main, 'busy', t.checking);
  const view = await getJson(`/api/v1/verify/${hash}`);
  if (view.code !== 200) {
    render.verdict(main, 'bad', view.code === 400 ? t.malformed : t.notFound, { hash });
    render.details([]);
    render.checks(t, fileCheck ? [fileCheck] : []);
    return done();
  }
  const v = view.body;
  if (v.status === 'pending' && !bundle) return pending(v, fileCheck);
  bundle ??= (await getJson(`/api/v1/proofs/${hash}`)).body;
  const { rows, failure, chainNote } = await checkInBrowser(hash, bundle, fileCheck);
  rows.push(...serverClaims(v));
  render.checks(t, rows);
  render.details(detailRows(v, bundle));
  if (failure) {
    render.verdict(main, 'bad', t.mismatch, { why: fillWhy(failure) });
  } else {
    const [kind, template, values] = statusSentence(v, bundle);
    render.verdict(main, kind === 'ok' && chainNote ? 'warn' : kind, template, values, chainNote ?? (kind === 'ok' ? { template: t.checkedInBrowser } : undefined));
  }
  return done();
}

const fillWhy = failure => t.why[failure.id].replace(/\{(\w+)\}/g, (_, k) => failure.facts?.[k] ?? '');

async function checkInBrowser(hash, bundle, fileCheck) {
  const rows = fileCheck ? [fileCheck] : [];
  const skipped = ['chainId', 'contract', 'anchoredAt', 'log', 'block'];
  const notRun = () => skipped.map(id => ({ id, where: 'browser', outcome: 'skip' }));
  const fail = (id, facts) => ({ rows: [...rows, { id, where: 'browser', outcome: 'fail' }, ...notRun()], failure: { id, facts } });
  if (fileCheck?.outcome === 'fail') return { rows: [...rows, ...notRun()], failure: fileCheck };
  if (bundle?.recordHash?.toLowerCase() !== hash) return fail('bundleFor', { expected: hash, actual: bundle?.recordHash });
  const reached = bundle.merkle && bundle.anchor ? fold(bundle.recordHash.toLowerCase(), bundle.merkle.proof) : null;
  if (reached !== bundle.merkle?.root?.toLowerCase()) return fail('merkle', { expected: bundle.merkle?.root, actual: reached });
  rows.push({ id: 'merkle', where: 'browser', outcome: 'pass' });
  if (!config.rpcUrl) return { rows: [...rows, ...notRun()], chainNote: { template: t.chainUnchecked } };
  try {
    for await (const check of chainChecks(config.rpcUrl, bundle, config.contract)) {
      skipped.shift();
      if (!check.ok) return { rows: [...rows, { id: check.id, where: 'browser', outcome: 'fail' }, ...notRun()], failure: check };
      rows.push({ id: check.id, where: 'browser', outcome: 'pass' });
    }
  } catch (e) {
    if (!(e instanceof ChainUnavailable)) throw e;
    return { rows: [...rows, ...notRun()], chainNote: { template: t.chainUnavailable, values: { url: config.rpcUrl } } };
  }
  return { rows };
}

const serverClaims = v => [
  { id: 'status', where: 'server', outcome: 'claim' },
  { id: 'issuer', where: 'server', outcome: 'claim' },
  ...(v.content ? [{ id: 'content', where: 'server', outcome: 'claim' }] : []),
];

function chainName(anchor) {
  const named = String(anchor.chainId) === config.chainId ? config.chainName : undefined;
  return t.chainNamed(named, anchor.chainId);
}

function statusSentence(v, bundle) {
  switch (v.status) {
    case 'revoked': return v.revocation
      ? ['warn', t.revoked, { date: when.moment(v.revocation.revokedAt), reason: t.reasons[v.revocation.reasonCode] ?? v.revocation.reasonCode, link: pageLink(v.revocation.revokedBy) }]
      : ['warn', t.revokedNoDetail, {}];
    case 'superseded': return v.supersession
      ? ['warn', t.superseded, { date: when.moment(v.supersession.supersededAt), link: pageLink(v.supersession.supersededBy) }]
      : ['warn', t.supersededNoDetail, {}];
    case 'erased': return v.erasure ? ['warn', t.erased, { date: when.day(v.erasure.erasedAt) }] : ['warn', t.erasedNoDate, {}];
    default: {
      const anchor = bundle.anchor;
      const values = { agency: v.issuerName ?? v.issuer, chain: chainName(anchor), block: String(anchor.blockNumber), anchored: when.moment(anchor.timestamp * 1000) };
      return v.content ? ['ok', t.authentic, { ...values, issued: when.day(v.content.occurredAt) }] : ['ok', t.authenticNoDate, values];
    }
  }
}

let polls = 0;
function pending(v, fileCheck) {
  const received = v.content?.recordedAt;
  render.verdict(main, 'warn', received ? t.pending : t.pendingNoDate, { received: received && when.moment(received), seconds: config.pendingSeconds });
  render.details(detailRows(v, null));
  render.checks(t, [...(fileCheck ? [fileCheck] : []), { id: 'status', where: 'server', outcome: 'claim' }]);
  done();
  // Look again until it is on the chain; a few minutes at most, so a forgotten tab stops asking.
  if (polls++ < 60) setTimeout(() => verifyHash(v.recordHash, { fileCheck }), 3000);
}

function detailRows(v, bundle) {
  const l = t.labels;
  const a = bundle?.anchor;
  return [
    [l.hash, v.recordHash, true], [l.status, t.status[v.status] ?? v.status],
    [l.issuer, v.issuerName ? `${v.issuerName} (${v.issuer})` : v.issuer],
    [l.type, v.content && `${v.content.domain}/${v.content.type}`], [l.occurredAt, v.content && when.moment(v.content.occurredAt)],
    [l.recordedAt, v.content && when.moment(v.content.recordedAt)],
    ...(v.content ? render.flatten(v.content.payload).map(([k, value]) => [`${l.content}: ${k}`, value]) : []),
    [l.chain, a && chainName(a)], [l.block, a && String(a.blockNumber)], [l.anchoredAt, a && when.moment(a.timestamp * 1000)],
    [l.tx, a?.txHash, true], [l.contract, a?.contract, true], [l.root, bundle?.merkle?.root, true],
  ];
}

function done() {
  main.dataset.state = 'done';
  document.getElementById('result')?.scrollIntoView?.({ block: 'nearest' });
}

// Files: a proof bundle, a record envelope (with its salt, or the salt typed in), or both.
async function checkFiles(files) {
  let bundle, record;
  for (const file of files) {
    let json;
    try { json = JSON.parse(await file.text()); } catch { json = null; }
    const envelope = json?.envelope ?? json;
    if (json?.format === 'ledger-proof/v1' && isHash(json.recordHash)) bundle = json;
    else if (/^ledger-record\/v[12]$/.test(envelope?.v ?? '')) record = { file: file.name, envelope };
    else return render.verdict(main, 'bad', t.badFile, { file: file.name });
  }
  let fileCheck;
  if (record) {
    const salt = record.envelope.salt ?? document.getElementById('salt').value.trim();
    if (!isHash(salt)) return render.verdict(main, 'bad', t.noSalt, { file: record.file });
    const computed = recordHashOf({ ...record.envelope, salt: salt.toLowerCase() });
    const expected = bundle?.recordHash.toLowerCase() ?? computed;
    fileCheck = { id: 'recordFile', where: 'browser', outcome: computed === expected ? 'pass' : 'fail', facts: { expected, actual: computed } };
  }
  const hash = (bundle?.recordHash ?? fileCheck?.facts.actual)?.toLowerCase();
  if (hash) await verifyHash(hash, { bundle, fileCheck });
}

const drop = document.getElementById('drop');
if (drop) {
  drop.addEventListener('dragover', e => { e.preventDefault(); drop.classList.add('over'); });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', e => { e.preventDefault(); drop.classList.remove('over'); checkFiles([...e.dataTransfer.files]); });
  document.getElementById('files').addEventListener('change', e => checkFiles([...e.target.files]));
}

if (config.malformed !== undefined) {
  render.verdict(main, 'bad', t.malformed);
  done();
} else if (config.recordHash) {
  verifyHash(config.recordHash);
} else {
  main.dataset.state = 'done'; // nothing to check until a hash is entered or a file dropped
}
