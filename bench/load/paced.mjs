// Open-loop load at a fixed rate: sends RATE inspections per second for SECONDS over at most 64 connections and
// measures each latency from the moment it was due (so a stall counts against every request it delayed).
// Prints one JSON line like the wrk scripts. Usage: node paced.mjs <url> <rate> <seconds> [api-key]
import http from "node:http";
import { inspection } from "./inspection.mjs";

const [url, rate, seconds, key] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const headers = { "content-type": "application/json", ...(key ? { "x-api-key": key } : {}) };
const total = Math.round(Number(rate) * Number(seconds));
const latencies = [];
let non2xx = 0;
let socketErrors = 0;

function send(i, due) {
  return new Promise(resolve => {
    const body = inspection(`PACED-${process.pid}-${i}`);
    const request = http.request(url, { method: "POST", agent, headers: { ...headers, "content-length": Buffer.byteLength(body) } }, response => {
      response.resume();
      response.on("end", () => {
        if (response.statusCode < 200 || response.statusCode > 299) non2xx++;
        latencies.push(performance.now() - due);
        resolve();
      });
    });
    request.on("error", () => { socketErrors++; resolve(); });
    request.end(body);
  });
}

const started = performance.now();
const pending = [];
for (let i = 0; i < total; i++) {
  const due = started + (i * 1000) / Number(rate);
  const wait = due - performance.now();
  if (wait > 1) await new Promise(r => setTimeout(r, wait));
  pending.push(send(i, due));
}
await Promise.all(pending);
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = p => latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : 0;
console.log(JSON.stringify({
  requests: latencies.length, seconds: +elapsed.toFixed(3), perSecond: +(latencies.length / elapsed).toFixed(1), targetRate: Number(rate),
  p50Ms: +at(0.5).toFixed(2), p90Ms: +at(0.9).toFixed(2), p99Ms: +at(0.99).toFixed(2), maxMs: +at(1).toFixed(2),
  non2xx, socketErrors, timeouts: 0,
}));
agent.destroy();
