// Stores COUNT small food-safety inspections through the bulk path (POST /api/v1/records/batch, BATCH records per
// request, PARALLEL requests in flight) and keeps a uniform sample of the stored hashes (reservoir sampling) for the
// verify look-ups. Prints one JSON line: records, seconds, perSecond and the rate of each tenth of the slice.
// Usage: node ingest.mjs <service> <api-key> <count> <hashes-in|-> <hashes-out> [batch] [parallel] [sample] [stored-before]
// The sample file carries over between slices: pass the previous one as hashes-in, and how many records were stored
// before this slice, so every stored record stays equally likely to be sampled.
import http from "node:http";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { inspection } from "../load/inspection.mjs";

const [service, key, countText, hashesIn, hashesOut, batchText = "500", parallelText = "4", sampleText = "100000", beforeText = "0"] =
  process.argv.slice(2);
const count = Number(countText);
const batchSize = Number(batchText);
const sampleSize = Number(sampleText);
let seen = Number(beforeText);
const sample = hashesIn !== "-" && existsSync(hashesIn) ? readFileSync(hashesIn, "utf8").split("\n").filter(Boolean) : [];
const agent = new http.Agent({ keepAlive: true, maxSockets: Number(parallelText) });
const url = `${service}/api/v1/records/batch`;
const run = `${process.pid}-${Date.now().toString(36)}`;
let next = 0;
let stored = 0;
let refused = 0;
const tenths = [];
const started = performance.now();
let tenthStarted = started;
let tenthStored = 0;
let nextTenth = Math.ceil(count / 10);

function post(body) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      method: "POST", agent, timeout: 600_000,
      headers: { "content-type": "application/json", "x-api-key": key, "content-length": Buffer.byteLength(body) },
    }, response => {
      const chunks = [];
      response.on("data", c => chunks.push(c));
      response.on("end", () => response.statusCode === 200
        ? resolve(JSON.parse(Buffer.concat(chunks).toString()))
        : reject(new Error(`scale: batch answered ${response.statusCode}: ${Buffer.concat(chunks).toString().slice(0, 300)}`)));
    });
    request.on("error", reject);
    request.end(body);
  });
}

function keep(hash) {
  seen++;
  if (sample.length < sampleSize) {
    sample.push(hash);
  } else {
    const j = Math.floor(Math.random() * seen);
    if (j < sampleSize) sample[j] = hash;
  }
}

async function worker() {
  while (next < count) {
    const size = Math.min(batchSize, count - next);
    const first = next;
    next += size;
    const records = Array.from({ length: size }, (_, i) => `{"record":${inspection(`SCALE-${run}-${first + i}`)}}`);
    const answer = await post(`{"records":[${records.join(",")}]}`);
    for (const result of answer.results) {
      if (result.status === 202) {
        stored++;
        keep(result.accepted.recordHash);
      } else {
        refused++;
      }
    }
    // One sample each time another tenth of the slice is stored: the ingest rate as the store grows.
    if (stored >= nextTenth || stored + refused >= count) {
      const now = performance.now();
      const n = stored - tenthStored;
      if (n > 0) tenths.push({ storedAtEnd: seen, records: n, seconds: +((now - tenthStarted) / 1000).toFixed(3), perSecond: +(n / ((now - tenthStarted) / 1000)).toFixed(1) });
      tenthStored = stored;
      tenthStarted = now;
      while (nextTenth <= stored) nextTenth += Math.ceil(count / 10);
    }
  }
}

await Promise.all(Array.from({ length: Number(parallelText) }, worker));
const seconds = (performance.now() - started) / 1000;
writeFileSync(hashesOut, sample.join("\n") + "\n");
agent.destroy();
console.log(JSON.stringify({ records: stored, refused, seconds: +seconds.toFixed(3), perSecond: +(stored / seconds).toFixed(1), tenths }));
if (refused > 0) process.exitCode = 1;
