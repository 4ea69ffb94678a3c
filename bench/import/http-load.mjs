// The HTTP side of the import comparison: N workers each POST a small food-safety inspection to /api/v1/records as
// soon as their previous answer arrived (closed loop, like scripts/bench), for S seconds. Prints one JSON line.
//   node bench/import/http-load.mjs BASE KEY CONCURRENCY SECONDS
const [base, key, concurrency, seconds] = process.argv.slice(2);
const run = Math.random().toString(36).slice(2);
let next = 0;
let errors = 0;
const latencies = [];
const body = (i) => JSON.stringify({
  domain: "food-safety", type: "inspection", occurredAt: "2026-11-20T09:30:00+08:00",
  payload: { enterprise: { name: "Bench Vegetables Co." }, product: "Spinach", lot: `H-${run}-${i}`, inspectionKind: "rapid-test", result: "pass" },
});
const deadline = performance.now() + Number(seconds) * 1000;
async function worker() {
  while (performance.now() < deadline) {
    const started = performance.now();
    const response = await fetch(`${base}/api/v1/records`, { method: "POST", headers: { "content-type": "application/json", "x-api-key": key }, body: body(next++) });
    await response.arrayBuffer();
    if (response.status === 202) latencies.push(performance.now() - started); else errors++;
  }
}
const started = performance.now();
await Promise.all(Array.from({ length: Number(concurrency) }, worker));
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (p) => (latencies.length ? Number(latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(1)) : null);
console.log(JSON.stringify({ concurrency: Number(concurrency), seconds: elapsed, accepted: latencies.length, errors, recordsPerSecond: latencies.length / elapsed, p50Ms: at(0.5), p99Ms: at(0.99) }));
