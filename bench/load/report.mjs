// Turns the runs of scripts/bench into benchmarks.json and the generated part of docs/benchmarks.md, and fails (exit 1)
// when a run shows breakage: no request answered, or any answer that was not a 2xx, or socket errors.
// Usage: node report.mjs <runs.jsonl> <out-dir> <quick 0|1> <commit> <service-rss-kb> <bare-rss-kb> <rounds> <seconds> <paced-rate>
import { readFileSync, writeFileSync } from "node:fs";
import { execSync } from "node:child_process";
import os from "node:os";

const [runsFile, outDir, quick, commit, serviceRssKb, bareRssKb, rounds, seconds, pacedRate] = process.argv.slice(2);
const runs = readFileSync(runsFile, "utf8").trim().split("\n").map(JSON.parse);
const median = xs => { const s = [...xs].sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : null; };
const figure = (target, test) => {
  const rows = runs.filter(r => r.target === target && r.test === test).map(r => r.result);
  return rows.length === 0 ? null : {
    rounds: rows.length, perSecond: median(rows.map(r => r.perSecond)), best: Math.max(...rows.map(r => r.perSecond)),
    p50Ms: median(rows.map(r => r.p50Ms)), p90Ms: median(rows.map(r => r.p90Ms)), p99Ms: median(rows.map(r => r.p99Ms)),
  };
};
const cpu = (readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/) ?? [])[1] ?? os.cpus()[0]?.model;
const machine = {
  nproc: Number(execSync("nproc").toString().trim()), cpu, ramGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
  kernel: os.release(), dotnet: execSync("dotnet --version").toString().trim(), node: process.version,
  loadAverages: runs.map(r => r.load),
};
const ingest = { service: figure("service", "ingest"), bareLoop: figure("bare-loop", "ingest") };
const paced = figure("service", "ingest-paced-70");
// How much of the paced run's slowest 1 % went in waiting for a free connection (bench/load/paced.mjs): a queue the
// service built up while it fell behind, rather than time it spent on each request.
const pacedRounds = runs.filter(r => r.target === "service" && r.test === "ingest-paced-70");
const pacedRuns = pacedRounds.filter(r => r.result.slowestWaitShare != null);
if (paced) {
  // Each paced round's p99, in the order they ran: the figure is their median.
  paced.p99MsByRound = pacedRounds.map(r => r.result.p99Ms);
}
if (paced && pacedRuns.length > 0) {
  paced.slowestWaitShare = median(pacedRuns.map(r => r.result.slowestWaitShare));
  paced.connectionWaitP99Ms = median(pacedRuns.map(r => r.result.connectionWaitP99Ms));
}
const verify = { service: figure("service", "verify"), bareLoop: figure("bare-loop", "verify") };
const ratio = (a, b) => a && b && b.perSecond ? +(a.perSecond / b.perSecond).toFixed(3) : null;
const targets = [
  { name: "Durable ingest, records/s", figure: ingest.service?.perSecond, bareLoop: ingest.bareLoop?.perSecond,
    ratio: ratio(ingest.service, ingest.bareLoop), target: "≥ 0.5× bare loop", met: ratio(ingest.service, ingest.bareLoop) >= 0.5 },
  { name: `Ingest p99 at 70 % of the service's maximum (${pacedRate}/s), ms`, figure: paced?.p99Ms, bareLoop: null, ratio: null,
    target: "< 50 ms", met: paced != null && paced.p99Ms < 50 },
  { name: "Public verify, look-ups/s", figure: verify.service?.perSecond, bareLoop: verify.bareLoop?.perSecond,
    ratio: ratio(verify.service, verify.bareLoop), target: "≥ 0.6× bare loop", met: ratio(verify.service, verify.bareLoop) >= 0.6 },
  { name: "Public verify p99 at full load (64 connections), ms", figure: verify.service?.p99Ms, bareLoop: verify.bareLoop?.p99Ms,
    ratio: null, target: "< 20 ms", met: verify.service != null && verify.service.p99Ms < 20 },
];
// BENCH_RUN: the id scripts/bench --all gives every step of one run, so the glance table can tell (bench/load/glance.mjs).
const result = {
  date: new Date().toISOString(), commit, run: process.env.BENCH_RUN || undefined, machine, settings: { rounds: Number(rounds), seconds: Number(seconds), connections: 64, loadGenerator: "wrk" },
  ingest, ingestPaced70: paced, verify, peakRssMiB: { service: Math.round(serviceRssKb / 1024), bareLoop: Math.round(bareRssKb / 1024) },
  targets, runs,
};
writeFileSync(`${outDir}/benchmarks.json`, JSON.stringify(result, null, 2) + "\n");

const n = x => x == null ? "–" : x >= 100 ? Math.round(x).toLocaleString("en-US") : String(+x.toFixed(2));
const row = (label, f) => f ? `| ${label} | ${n(f.perSecond)} | ${n(f.best)} | ${n(f.p50Ms)} | ${n(f.p90Ms)} | ${n(f.p99Ms)} |` : `| ${label} | – | – | – | – | – |`;
const markdown = [
  `Run of ${result.date.slice(0, 16).replace("T", " ")} UTC on commit \`${commit}\`: ${machine.nproc} CPUs (${machine.cpu}), ` +
  `${machine.ramGiB} GiB RAM, .NET ${machine.dotnet}, Node.js ${machine.node}; ${rounds} round(s) of ${seconds} s per target, ` +
  `wrk with 64 connections on the same machine. Load average (1, 5, 15 min) at each run: ${[...new Set(machine.loadAverages)].join("; ")}.`,
  "",
  "| target | figure | bare loop | ratio | target | met? |",
  "|---|---:|---:|---:|---|---|",
  ...targets.map(t => `| ${t.name} | ${n(t.figure)} | ${n(t.bareLoop)} | ${t.ratio == null ? "–" : t.ratio.toFixed(2) + "×"} | ${t.target} | ${t.met ? "**met**" : "**missed**"} |`),
  "",
  "| load (medians of the rounds) | per second | best round | p50 ms | p90 ms | p99 ms |",
  "|---|---:|---:|---:|---:|---:|",
  row("ingest: bare loop", ingest.bareLoop), row("ingest: service", ingest.service), row(`ingest: service paced at ${pacedRate}/s`, paced),
  row("verify: bare loop (look-up by hash)", verify.bareLoop), row("verify: service (`GET /api/v1/verify/{hash}`)", verify.service),
  "",
  ...(paced?.p99MsByRound?.length > 1 ? [
    `Paced at ${pacedRate}/s, the p99 of each round in turn: ${paced.p99MsByRound.map(n).join(", ")} ms; the tables give their median.`,
    ""] : []),
  ...(paced?.slowestWaitShare != null ? [
    `Paced at ${pacedRate}/s, the slowest 1 % of requests spent ${Math.round(paced.slowestWaitShare * 100)} % of their time waiting ` +
    `for one of the 64 connections to come free, that is with 64 requests in the service's hands (that wait alone: p99 ` +
    `${n(paced.connectionWaitP99Ms)} ms).`, ""] : []),
  `Peak resident memory: service ${result.peakRssMiB.service} MiB, bare loop ${result.peakRssMiB.bareLoop} MiB.`,
  // Drawn by bench/Charts right after this report, from the same JSON.
  ...(quick !== "1" ? ["", "![Throughput, service and bare loop](benchmarks/throughput.png)", "", "![Latency percentiles](benchmarks/latency.png)"] : []),
].join("\n");
if (quick === "1") {
  console.log(markdown);
} else {
  const doc = readFileSync("docs/benchmarks.md", "utf8");
  const begin = "<!-- scripts/bench writes from here -->", end = "<!-- to here -->";
  const at = doc.indexOf(begin), to = doc.indexOf(end);
  if (at < 0 || to < at) throw new Error("docs/benchmarks.md lacks the markers scripts/bench writes between");
  writeFileSync("docs/benchmarks.md", doc.slice(0, at + begin.length) + "\n" + markdown + "\n" + doc.slice(to));
  console.log(markdown);
}
const broken = runs.filter(r => r.result.requests === 0 || r.result.non2xx > 0 || r.result.socketErrors > 0);
if (broken.length > 0) {
  console.error(`bench: breakage in ${broken.length} run(s): ${broken.map(r => `${r.target} ${r.test} round ${r.round}`).join(", ")}`);
  process.exit(1);
}
