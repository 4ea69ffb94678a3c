// Writes the table "Every target of issue #14 at a glance" in docs/benchmarks.md, between the glance markers, from the
// JSON the five benchmark steps write: each target with its measured figure, the ratio or bound next to it, whether it
// is met and which file (commit, date) it comes from, then one line saying whether the files are from one commit and
// one `scripts/bench --all` run (the `run` each step stores when BENCH_RUN is set). Reads nothing else: the same files
// give the same table. Fails (exit 1) with the file and field at fault when a file is missing or malformed.
// Usage: node bench/load/glance.mjs [json-dir] [doc.md]        (defaults: docs docs/benchmarks.md)
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const [jsonDir = "docs", docPath = "docs/benchmarks.md"] = process.argv.slice(2);
const begin = "<!-- glance: scripts/bench writes from here -->", end = "<!-- glance: to here -->";
const targetRecords = 10_000_000;
// "Flat" has no number in issue #14; read here like the ingest rate's: the last checkpoint's p99 within 20 % of the first's.
const flatBound = 1.2;

const fail = message => {
  console.error(`glance: ${message}`);
  process.exit(1);
};

// The five steps' files, in the order scripts/bench --all runs them.
const steps = {
  main: { file: "benchmarks.json", step: "scripts/bench", dateField: "date" },
  gas: { file: "benchmarks-gas.json", step: "scripts/bench-gas", dateField: "measuredAt" },
  import: { file: "benchmarks-import.json", step: "scripts/bench-import", dateField: "measuredAt" },
  anchor: { file: "benchmarks-anchor-latency.json", step: "scripts/bench --latency-to-anchor", dateField: "date" },
  scale: { file: "benchmarks-scale.json", step: "scripts/bench --scale N", dateField: "date" },
};

function load(key) {
  const { file, step } = steps[key];
  const at = path.join(jsonDir, file);
  if (!existsSync(at)) fail(`${at} is missing: run ${step} (or scripts/bench --all) first.`);
  let json;
  try { json = JSON.parse(readFileSync(at, "utf8")); } catch (error) { fail(`${at} is not valid JSON: ${error.message}`); }
  // scripts/bench's report writes one run; a list of runs is read as its latest.
  if (Array.isArray(json)) json = json.at(-1);
  if (json === null || typeof json !== "object") fail(`${at} holds no run (expected a JSON object).`);
  return { ...steps[key], at, json };
}
const sources = Object.fromEntries(Object.keys(steps).map(key => [key, load(key)]));

// A field by its dotted path ("ingest.service.perSecond", "http.0.recordsPerSecond"), checked to be what is needed.
function field(source, dotted, kind = "number") {
  const value = dotted.split(".").reduce((v, k) => (v == null ? undefined : v[k]), source.json);
  const ok = kind === "number" ? Number.isFinite(value) : kind === "array" ? Array.isArray(value) && value.length > 0 : typeof value === kind;
  if (!ok) fail(`${source.at}: ${dotted} is missing or not ${kind === "array" ? "a non-empty list" : `a ${kind}`} (got ${JSON.stringify(value)}).`);
  return value;
}
const { main, gas, import: imports, anchor, scale } = sources;
for (const s of Object.values(sources)) {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d/.test(field(s, s.dateField, "string"))) fail(`${s.at}: ${s.dateField} is not an ISO date.`);
  if (s !== gas) field(s, "commit", "string"); // scripts/bench-gas recorded no commit before scripts/bench --all
}

const int = x => Math.round(x).toLocaleString("en-US");
const ms = x => (x < 100 ? x.toFixed(1) : int(x));
const times = x => `${x.toFixed(2)}×`;
const met = ok => (ok ? "met" : "**missed**");
const dateOf = s => `${s.json[s.dateField].slice(0, 16).replace("T", " ")} UTC`;
const commitOf = s => s.json.commit ?? null;
const cite = (...list) => list.map(s => `\`${s.file}\` (${commitOf(s) ? `\`${commitOf(s)}\`` : "commit not recorded"}, ${dateOf(s)})`).join("; ");

const rows = [];
const row = (target, measured, bound, verdict, ...from) => rows.push([target, measured, bound, verdict, cite(...from)]);

// Durable ingest and its p99 at 70 %: the main run.
const serviceIngest = field(main, "ingest.service.perSecond"), bareIngest = field(main, "ingest.bareLoop.perSecond");
row("durable ingest ≥ 0.5× the bare loop", `${int(serviceIngest)} records/s (bare loop ${int(bareIngest)})`,
  `${times(serviceIngest / bareIngest)} (≥ 0.5×)`, met(serviceIngest / bareIngest >= 0.5), main);

const pacedP99 = field(main, "ingestPaced70.p99Ms");
const pacedAt = field(main, "runs", "array").findIndex(r => r?.test === "ingest-paced-70");
if (pacedAt < 0) fail(`${main.at}: runs has no ingest-paced-70 run.`);
const pacedRate = field(main, `runs.${pacedAt}.result.targetRate`);
// Runs written before the paced step had rounds hold one paced run and no list.
const pacedRounds = main.json.ingestPaced70?.p99MsByRound ?? [pacedP99];
const anchorPacedP99 = field(anchor, "paced.result.p99Ms"), anchorRate = field(anchor, "settings.pacedRate");
const blockSeconds = field(anchor, "settings.blockTimeSeconds");
row("ingest p99 < 50 ms at 70 % of the service's maximum",
  `${ms(pacedP99)} ms paced at ${int(pacedRate)}/s, 70 % of the median maximum (${int(serviceIngest)}/s)` +
  (pacedRounds.length > 1 ? ` (median of ${pacedRounds.length} rounds: ${pacedRounds.map(ms).join(", ")} ms)` : "") +
  "; the accepted → anchored " +
  `run's answers, paced at ${int(anchorRate)}/s with ${blockSeconds}-s blocks: p99 ${ms(anchorPacedP99)} ms`,
  "< 50 ms", met(pacedP99 < 50), main, anchor);

// Bulk import: `ledger import` against the main run's HTTP, as the target reads; the import run's own HTTP beside it.
const importRate = field(imports, "import.recordsPerSecond");
const ownHttp = field(imports, "http", "array").map((_, i) => field(imports, `http.${i}.recordsPerSecond`));
const ownHttpMean = ownHttp.reduce((a, b) => a + b, 0) / ownHttp.length;
row("bulk import ≥ 3× the HTTP rate",
  `\`ledger import\` ${int(importRate)} records/s (${int(field(imports, "import.acknowledged"))} of ${int(field(imports, "import.records"))} ` +
  `acknowledged, whole command) against the main run's median HTTP ingest, ${int(serviceIngest)}/s`,
  `${times(importRate / serviceIngest)} (≥ 3×); ${times(importRate / ownHttpMean)} against the import run's own HTTP (${int(ownHttpMean)}/s)`,
  met(importRate / serviceIngest >= 3), imports, main);

// Verify and proofs: the scale run's first checkpoint at 1,000,000 records or more when it has one, else the main run.
const checkpoints = field(scale, "checkpoints", "array").map((_, i) => ({
  stored: field(scale, `checkpoints.${i}.stored`),
  verify: field(scale, `checkpoints.${i}.verify.service.perSecond`), verifyP99: field(scale, `checkpoints.${i}.verify.service.p99Ms`),
  bare: field(scale, `checkpoints.${i}.verify.bareLoop.perSecond`), bareP99: field(scale, `checkpoints.${i}.verify.bareLoop.p99Ms`),
  proof: field(scale, `checkpoints.${i}.proof.perSecond`), proofP99: field(scale, `checkpoints.${i}.proof.p99Ms`),
  bytesPerRecord: field(scale, `checkpoints.${i}.bytesPerRecord`), bareBytes: field(scale, `checkpoints.${i}.bareLoopDatabaseBytes`),
}));
const atMillion = checkpoints.find(c => c.stored >= 1_000_000);
if (atMillion) {
  const ratio = atMillion.verify / atMillion.bare;
  row("public verify ≥ 0.6× the bare loop's look-up, 1,000,000 records stored",
    `${int(atMillion.verify)} look-ups/s with ${int(atMillion.stored)} records stored (bare loop ${int(atMillion.bare)})`,
    `${times(ratio)} (≥ 0.6×)`, met(ratio >= 0.6), scale);
  row("public verify p99 < 20 ms", `${ms(atMillion.verifyP99)} ms with ${int(atMillion.stored)} records stored (bare loop ${ms(atMillion.bareP99)} ms)`,
    "< 20 ms", met(atMillion.verifyP99 < 20), scale);
} else {
  const verify = field(main, "verify.service.perSecond"), bare = field(main, "verify.bareLoop.perSecond");
  const p99 = field(main, "verify.service.p99Ms");
  const why = `in the main run, not at 1,000,000 records (the scale run's checkpoints end at ${int(checkpoints.at(-1).stored)})`;
  row("public verify ≥ 0.6× the bare loop's look-up, 1,000,000 records stored", `${int(verify)} look-ups/s (bare loop ${int(bare)}) ${why}`,
    `${times(verify / bare)} (≥ 0.6×)`, met(verify / bare >= 0.6), main);
  row("public verify p99 < 20 ms", `${ms(p99)} ms (bare loop ${ms(field(main, "verify.bareLoop.p99Ms"))} ms) ${why}`, "< 20 ms", met(p99 < 20), main);
}
const proofAt = atMillion ?? checkpoints.at(-1);
row("proof bundles p99 < 20 ms (\"likewise\")",
  `${ms(proofAt.proofP99)} ms with ${int(proofAt.stored)} records stored, at ${int(proofAt.proof)} proofs/s ` +
  `(${times(proofAt.proof / proofAt.bare)} the bare loop's look-ups)`, "< 20 ms", met(proofAt.proofP99 < 20), scale);

// Anchoring cost: LedgerAnchor at the service's default maximum batch, and the largest call of the whole gas run.
const cap = field(gas, "perTransactionGasCap"), perRecord = field(gas, "defaultMaxBatchSize.gasPerRecord");
const batchGas = field(gas, "defaultMaxBatchSize.totalGas");
const largest = Math.max(batchGas, ...field(gas, "results", "array").map((_, i) => field(gas, `results.${i}.largestCallGas`)));
row("gas per record ≤ 50 at the default maximum batch, every call under 16,777,216 gas",
  `${perRecord.toFixed(1)} gas per record at ${int(field(gas, "defaultMaxBatchSize.records"))} records (one \`anchor\`, ${int(batchGas)} gas); ` +
  `largest call of the run ${int(largest)} gas`, `≤ 50; every call ≤ ${int(cap)}`, met(perRecord <= 50 && largest <= cap), gas);

// Accepted → anchored.
const p95 = field(anchor, "acceptedToConfirmed.p95Ms"), bound = field(anchor, "targetMs");
const maximum = field(anchor, "maximum.result.perSecond");
row("accepted → anchored p95 ≤ one batch interval + two blocks, 1-s blocks, 70 % of the maximum load",
  `${int(p95)} ms, paced at ${int(anchorRate)}/s (${Math.round((100 * anchorRate) / maximum)} % of this run's ${int(maximum)}/s maximum), ` +
  `${blockSeconds}-s blocks`,
  `≤ ${int(bound)} ms (${field(anchor, "settings.batchIntervalSeconds")} s + 2 × ${blockSeconds} s)`, met(p95 <= bound), anchor);

// Scale: the rate at the end against the start, latency across the checkpoints, bytes and memory at the last one.
const records = field(scale, "settings.records");
const short = records < targetRecords ? `; ${int(targetRecords)} not run` : "";
const first = field(scale, "ingest.firstSlice"), last = field(scale, "ingest.lastSlice");
const endToStart = last / first;
row("ingest 10,000,000 records, end rate within 20 % of the start",
  `${int(last)} / ${int(first)} records/s (last slice / first) over **${int(records)} records** (the target is ${int(targetRecords)})`,
  `${times(endToStart)} (≥ 0.8×)`, endToStart < 0.8 ? met(false) : `met over ${int(records)}${short}`, scale);

const [from, to] = [checkpoints[0], checkpoints.at(-1)];
if (from === to) {
  row("verify and proof latency flat", `one checkpoint only (${int(from.stored)} records)`, "–", "not shown", scale);
} else {
  const verifyGrowth = to.verifyP99 / from.verifyP99, proofGrowth = to.proofP99 / from.proofP99;
  // The bare loop's own growth over the same stores, beside the bound: the verdict reads the service's growth alone.
  const bareGrowth = to.bareP99 / from.bareP99;
  const flat = verifyGrowth <= flatBound && proofGrowth <= flatBound;
  row("verify and proof latency flat",
    `p99 from ${int(from.stored)} to ${int(to.stored)} records: verify ${ms(from.verifyP99)} → ${ms(to.verifyP99)} ms ` +
    `(bare loop ${ms(from.bareP99)} → ${ms(to.bareP99)}), proofs ${ms(from.proofP99)} → ${ms(to.proofP99)} ms`,
    `${times(verifyGrowth)} and ${times(proofGrowth)} (≤ ${flatBound}×, read as within 20 %); the bare loop's own ${times(bareGrowth)}, ` +
    `so ${times(verifyGrowth / bareGrowth)} and ${times(proofGrowth / bareGrowth)} its growth`,
    flat ? `met to ${int(to.stored)}${to.stored < targetRecords ? `; ${int(targetRecords)} not run` : ""}` : met(false), scale);
}

const peakKb = field(scale, "peakRssKb"), barePeakKb = field(scale, "bareLoopPeakRssKb");
const bareBytesPerRecord = to.bareBytes / to.stored;
row("bytes per record on disk; peak RSS (memory bounded)",
  `${int(to.bytesPerRecord)} bytes per record at ${int(to.stored)} records (bare loop ${int(bareBytesPerRecord)}); ` +
  `peak RSS ${int(peakKb / 1024)} MiB (bare loop ${int(barePeakKb / 1024)} MiB)`,
  `${times(to.bytesPerRecord / bareBytesPerRecord)} and ${times(peakKb / barePeakKb)} the bare loop's`, "reported", scale);

// One line on where the figures come from: one run and one commit, or which files differ.
function groups(valueOf, missing) {
  const byValue = new Map();
  for (const s of Object.values(sources)) {
    const value = valueOf(s) ?? missing;
    byValue.set(value, [...(byValue.get(value) ?? []), `\`${s.file}\``]);
  }
  return [...byValue].map(([value, files]) => `${value === missing ? missing : `\`${value}\``} (${files.join(", ")})`);
}
const all = Object.values(sources);
const runOf = s => (typeof s.json.run === "string" ? s.json.run : null);
const runGroups = groups(runOf, "no run id"), commitGroups = groups(commitOf, "commit not recorded");
const oneRun = runGroups.length === 1 && runOf(all[0]) !== null, oneCommit = commitGroups.length === 1 && commitOf(all[0]) !== null;
const noRunIds = all.every(s => runOf(s) === null);
const differences = [
  ...(oneRun ? [] : [noRunIds ? "none of them has a run id" : `runs ${runGroups.join("; ")}`]),
  ...(oneCommit ? [] : [`commits ${commitGroups.join("; ")}`]),
];
const [run, commit] = [`\`${runOf(all[0])}\``, `\`${commitOf(all[0])}\``];
const origin =
  oneRun && oneCommit ? `All five files come from one \`scripts/bench --all\` run, ${run}, on commit ${commit}.`
  : oneRun ? `The five files come from one \`scripts/bench --all\` run, ${run}, but not from one commit: ${differences.join("; ")}.`
  : oneCommit ? `The five files are all on commit ${commit} but not from one \`scripts/bench --all\` run: ${differences.join("; ")}.`
  : `The five files are neither from one \`scripts/bench --all\` run nor from one commit: ${differences.join("; ")}.`;

const cell = text => String(text).replaceAll("|", "\\|");
const markdown = [
  "| target | measured | ratio / bound | met? | source (file, commit, date) |",
  "|---|---|---|---|---|",
  ...rows.map(r => `| ${r.map(cell).join(" | ")} |`),
  "",
  origin,
].join("\n");

if (!existsSync(docPath)) fail(`${docPath} is missing.`);
const doc = readFileSync(docPath, "utf8");
const at = doc.indexOf(begin), until = doc.indexOf(end);
if (at < 0 || until < at || doc.indexOf(begin, at + 1) >= 0 || doc.indexOf(end, until + 1) >= 0) {
  fail(`${docPath} needs each glance marker once, in order: ${begin} … ${end}`);
}
writeFileSync(docPath, doc.slice(0, at + begin.length) + "\n" + markdown + "\n" + doc.slice(until));
console.log(markdown);
