// Turns the events scripts/bench-scale wrote (one JSON line each) into docs/benchmarks-scale.json and the scale section
// of docs/benchmarks.md. With quick=1 it writes the JSON under OUT-DIR and prints the section instead.
// Usage: node report.mjs <events.jsonl> <out-dir> <quick> <commit> <count> <batch> <parallel> <seconds> <rounds> <bare-peak-kb> [date]
// (date: when the run was taken, to rebuild a report from its events; now when left out)
import { readFileSync, writeFileSync } from "node:fs";
import { execSync } from "node:child_process";
import os from "node:os";

const [eventsFile, outDir, quick, commit, count, batch, parallel, seconds, rounds, barePeakKb, date] = process.argv.slice(2);
const events = readFileSync(eventsFile, "utf8").trim().split("\n").map(line => JSON.parse(line));
// The middle value; with an even number of rounds, the mean of the middle two (not the lower one).
const median = values => {
  const sorted = values.filter(v => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : +((sorted[mid - 1] + sorted[mid]) / 2).toFixed(2);
};
const figure = (stored, target, test) => {
  const rows = events.filter(e => e.event === "lookup" && e.stored === stored && e.target === target && e.test === test).map(e => e.result);
  if (rows.length === 0) return null;
  return {
    rounds: rows.length, perSecond: median(rows.map(r => r.perSecond)), p50Ms: median(rows.map(r => r.p50Ms)),
    p99Ms: median(rows.map(r => r.p99Ms)), p99MsByRound: rows.map(r => r.p99Ms), non2xx: rows.reduce((n, r) => n + r.non2xx, 0), socketErrors: rows.reduce((n, r) => n + r.socketErrors, 0),
  };
};

const slices = events.filter(e => e.event === "slice").map(e => ({
  slice: e.slice, from: e.from, to: e.from + e.result.records, records: e.result.records, seconds: e.result.seconds,
  perSecond: e.result.perSecond, load: e.load, tenths: e.result.tenths,
}));
const checkpoints = events.filter(e => e.event === "checkpoint").map(e => {
  const verify = { service: figure(e.stored, "service", "verify"), bareLoop: figure(e.stored, "bare-loop", "verify") };
  return {
    stored: e.stored, load: e.load, verify, proof: figure(e.stored, "service", "proof"),
    verifyRatio: verify.service && verify.bareLoop ? +(verify.service.perSecond / verify.bareLoop.perSecond).toFixed(3) : null,
    loadDuringLookups: events.filter(l => l.event === "lookup" && l.stored === e.stored).map(l => l.load),
    dataFolderBytes: e.dataFolderBytes, databaseBytes: e.databaseBytes, bytesPerRecord: Math.round(e.databaseBytes / e.stored),
    dataFolderBytesPerRecord: Math.round(e.dataFolderBytes / e.stored), bareLoopDatabaseBytes: e.bareLoopDatabaseBytes,
    rssKb: e.rssKb, peakRssKb: e.peakRssKb,
    // Runs before this field existed measured the look-ups while the backlog was still being anchored.
    anchoring: events.find(a => a.event === "anchored" && a.stored === e.stored) ?? null,
  };
});
const first = slices[0], last = slices.at(-1);
const cpu = (readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/) ?? [])[1] ?? os.cpus()[0]?.model;
// BENCH_RUN: the id scripts/bench --all gives every step of one run (bench/load/glance.mjs reads it).
const result = {
  date: date || new Date().toISOString(), commit, run: process.env.BENCH_RUN || undefined,
  machine: { nproc: Number(execSync("nproc").toString().trim()), cpu, ramGiB: +(os.totalmem() / 2 ** 30).toFixed(1), dotnet: execSync("dotnet --version").toString().trim(), node: process.version },
  settings: { records: Number(count), ingestPath: "POST /api/v1/records/batch", batchSize: Number(batch), inFlight: Number(parallel), secondsPerLookupRun: Number(seconds), rounds: Number(rounds), connections: 64, loadGenerator: "wrk" },
  ingest: { firstSlice: first?.perSecond, lastSlice: last?.perSecond, endToStart: first && last ? +(last.perSecond / first.perSecond).toFixed(3) : null },
  slices, checkpoints,
  peakRssKb: Math.max(...checkpoints.map(c => c.peakRssKb)), bareLoopPeakRssKb: Number(barePeakKb),
  events,
};
writeFileSync(`${outDir}/benchmarks-scale.json`, JSON.stringify(result, null, 2) + "\n");

const n = v => v == null ? "–" : Number(v).toLocaleString("en-GB", { maximumFractionDigits: v >= 100 ? 0 : 2 });
const mib = kb => n(Math.round(kb / 1024));
const byRound = f => f?.p99MsByRound ? f.p99MsByRound.map(n).join(", ") : "–";
const top = checkpoints.at(-1);
const lines = [
  `Run of ${result.date.slice(0, 16).replace("T", " ")} UTC on commit \`${commit}\`: ${result.machine.nproc} CPUs (${cpu}), ${result.machine.ramGiB} GiB RAM, ` +
  `.NET ${result.machine.dotnet}; ${n(Number(count))} records through \`POST /api/v1/records/batch\` (${batch} per request, ${parallel} in flight); ` +
  `look-ups with wrk, 64 connections, ${seconds} s per run, ${rounds} round(s) per checkpoint, over a uniform sample of the stored hashes.`,
  "",
  "| slice | records stored after | records/s | load average at its end |",
  "|---:|---:|---:|---|",
  ...slices.map(s => `| ${s.slice} | ${n(s.to)} | ${n(s.perSecond)} | ${s.load} |`),
  "",
  `Ingest rate at the end against the start: ${n(last?.perSecond)} / ${n(first?.perSecond)} records/s = **${n(result.ingest.endToStart)}×** (target: within 20 %, ≥ 0.8×).`,
  "",
  "| records stored | verify/s, service | verify/s, bare loop | ratio | verify p99 ms | bare loop p99 ms | proofs/s | proof p99 ms | database bytes/record | RSS / peak MiB | load average during the look-ups |",
  "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|",
  ...checkpoints.map(c => `| ${n(c.stored)} | ${n(c.verify.service?.perSecond)} | ${n(c.verify.bareLoop?.perSecond)} | ${n(c.verifyRatio)}× | ` +
    `${n(c.verify.service?.p99Ms)} | ${n(c.verify.bareLoop?.p99Ms)} | ${n(c.proof?.perSecond)} | ${n(c.proof?.p99Ms)} | ${n(c.bytesPerRecord)} | ` +
    `${mib(c.rssKb)} / ${mib(c.peakRssKb)} | ${c.loadDuringLookups.join("; ")} |`),
  "",
  // Each round's p99 in the order run, so a slow round stays visible beside the median the table shows.
  "p99 of each round, ms, in the order run: " + checkpoints.map(c => `at ${n(c.stored)}, verify ${byRound(c.verify.service)} ` +
    `(bare loop ${byRound(c.verify.bareLoop)}), proofs ${byRound(c.proof)}`).join("; ") + ".",
  "",
  checkpoints.some(c => c.anchoring)
    ? "Before the look-ups at each checkpoint, every stored record was anchored first (bulk ingest outruns anchoring): " +
      checkpoints.filter(c => c.anchoring).map(c => `at ${n(c.stored)}, ${n(c.anchoring.backlogAtCheckpoint)} records were waiting and were anchored ` +
        `after ${n(c.anchoring.secondsToAnchor)} s${c.anchoring.backlogLeft > 0 ? ` (${n(c.anchoring.backlogLeft)} still waiting when the wait gave up)` : ""}`).join("; ") + "."
    : "The look-ups ran while the service was still anchoring the slice's backlog.",
  "",
  top ? `At ${n(top.stored)} records: the database (SQLite file and its WAL) holds ${n(top.databaseBytes)} bytes, **${n(top.bytesPerRecord)} bytes per record** ` +
    `(the whole data folder, anvil's state included: ${n(top.dataFolderBytesPerRecord)}); the bare loop's file holds ${n(top.bareLoopDatabaseBytes)} bytes for as many rows. ` +
    `Peak resident memory: service **${mib(result.peakRssKb)} MiB**, bare loop ${mib(result.bareLoopPeakRssKb)} MiB.` : "No checkpoint was reached.",
  "",
  "![Ingest rate against records stored](benchmarks/scale-ingest.png)",
  "",
  "![Verify p99 against records stored](benchmarks/scale-verify.png)",
];
const markdown = lines.join("\n");
const broken = events.filter(e => e.event === "lookup" && (e.result.requests === 0 || e.result.non2xx > 0 || e.result.socketErrors > 0));
if (quick === "1") {
  console.log(markdown);
} else {
  const doc = readFileSync("docs/benchmarks.md", "utf8");
  const begin = "<!-- scripts/bench --scale writes from here -->", end = "<!-- to here (scale) -->";
  const at = doc.indexOf(begin), to = doc.indexOf(end);
  if (at < 0 || to < at) throw new Error("docs/benchmarks.md lacks the markers scripts/bench --scale writes between");
  writeFileSync("docs/benchmarks.md", doc.slice(0, at + begin.length) + "\n" + markdown + "\n" + doc.slice(to));
  console.log(markdown);
}
if (broken.length > 0) {
  console.error(`bench-scale: ${broken.length} look-up run(s) had failures: ${broken.map(e => `${e.target} ${e.test} at ${e.stored}`).join(", ")}`);
  process.exit(1);
}
