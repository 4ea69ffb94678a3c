// Turns scripts/bench-anchor-latency's per-record times into docs/benchmarks-anchor-latency.json and its section of
// docs/benchmarks.md (with quick=1: the JSON under OUT-DIR, the section printed).
// Usage: node anchor-report.mjs <latencies.txt> <out-dir> <quick> <commit> <max-json> <max-load> <paced-json> <paced-load>
//        <rate> <seconds> <block-seconds> <batch-interval-seconds>
// Each line of latencies.txt: sealed|submitted|confirmed (ms after acceptance)|batch id.
import { readFileSync, writeFileSync } from "node:fs";
import { execSync } from "node:child_process";
import os from "node:os";

const [file, outDir, quick, commit, maxJson, maxLoad, pacedJson, pacedLoad, rate, seconds, blockSeconds, intervalSeconds] = process.argv.slice(2);
const rows = readFileSync(file, "utf8").trim().split("\n").filter(Boolean).map(line => line.split("|").map(Number));
const stats = values => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = p => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  return { p50Ms: at(0.5), p95Ms: at(0.95), p99Ms: at(0.99), maxMs: sorted.at(-1) };
};
const confirmed = stats(rows.map(r => r[2]));
const targetMs = (Number(intervalSeconds) + 2 * Number(blockSeconds)) * 1000;
const batches = new Set(rows.map(r => r[3])).size;
const cpu = (readFileSync("/proc/cpuinfo", "utf8").match(/model name\s*:\s*(.*)/) ?? [])[1] ?? os.cpus()[0]?.model;
// BENCH_RUN: the id scripts/bench --all gives every step of one run (bench/load/glance.mjs reads it).
const result = {
  date: new Date().toISOString(), commit, run: process.env.BENCH_RUN || undefined,
  machine: { nproc: Number(execSync("nproc").toString().trim()), cpu, ramGiB: +(os.totalmem() / 2 ** 30).toFixed(1), dotnet: execSync("dotnet --version").toString().trim() },
  settings: { blockTimeSeconds: Number(blockSeconds), batchIntervalSeconds: Number(intervalSeconds), pacedRate: Number(rate), pacedSeconds: Number(seconds), confirmations: 1 },
  maximum: { load: maxLoad, result: JSON.parse(maxJson) },
  paced: { load: pacedLoad, result: JSON.parse(pacedJson) },
  records: rows.length, batches,
  acceptedToSealed: stats(rows.map(r => r[0])), acceptedToSubmitted: stats(rows.map(r => r[1])), acceptedToConfirmed: confirmed,
  targetMs, met: confirmed.p95Ms <= targetMs,
};
writeFileSync(`${outDir}/benchmarks-anchor-latency.json`, JSON.stringify(result, null, 2) + "\n");

const n = v => Number(v).toLocaleString("en-GB", { maximumFractionDigits: 0 });
const row = (name, s) => `| ${name} | ${n(s.p50Ms)} | ${n(s.p95Ms)} | ${n(s.p99Ms)} | ${n(s.maxMs)} |`;
const markdown = [
  `Run of ${result.date.slice(0, 16).replace("T", " ")} UTC on commit \`${commit}\`: ${result.machine.nproc} CPUs (${cpu}); embedded anvil mining a block every ` +
  `${blockSeconds} s, \`Anchoring:BatchInterval\` ${intervalSeconds} s, one confirmation. Maximum ingest (wrk, 64 connections): ` +
  `${n(result.maximum.result.perSecond)} records/s (load average ${maxLoad}); paced at ${rate}/s (${Math.round(100 * Number(rate) / result.maximum.result.perSecond)} % of that) for ${seconds} s: ` +
  `${n(result.paced.result.perSecond)}/s served, answer p99 ${result.paced.result.p99Ms} ms (load average ${pacedLoad}); ${n(rows.length)} records in ${batches} batches.`,
  "",
  "| from acceptance to (ms) | p50 | p95 | p99 | max |",
  "|---|---:|---:|---:|---:|",
  row("its batch sealed", result.acceptedToSealed),
  row("its anchor transaction sent", result.acceptedToSubmitted),
  row("its anchor confirmed", confirmed),
  "",
  `Accepted → anchored p95: **${n(confirmed.p95Ms)} ms** against the target of one batch interval plus two blocks, ` +
  `${n(targetMs)} ms: **${result.met ? "met" : "missed"}**.`,
].join("\n");
if (quick === "1") {
  console.log(markdown);
} else {
  const doc = readFileSync("docs/benchmarks.md", "utf8");
  const begin = "<!-- scripts/bench --latency-to-anchor writes from here -->", end = "<!-- to here (latency to anchor) -->";
  const at = doc.indexOf(begin), to = doc.indexOf(end);
  if (at < 0 || to < at) throw new Error("docs/benchmarks.md lacks the markers scripts/bench --latency-to-anchor writes between");
  writeFileSync("docs/benchmarks.md", doc.slice(0, at + begin.length) + "\n" + markdown + "\n" + doc.slice(to));
  console.log(markdown);
}
const failed = result.paced.result.non2xx + result.paced.result.socketErrors + result.maximum.result.non2xx + result.maximum.result.socketErrors;
if (failed > 0 || rows.length === 0) {
  console.error(`bench-anchor-latency: ${failed} failed request(s), ${rows.length} record(s) measured.`);
  process.exit(1);
}
