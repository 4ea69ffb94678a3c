// Open-loop load at a fixed rate: sends RATE inspections per second for SECONDS over at most 64 connections and
// measures each latency from the moment it was due (so a stall counts against every request it delayed).
// Prints one JSON line like the wrk scripts. Usage: node paced.mjs <url> <rate> <seconds> [api-key]
//
// It also says how much of the slowest requests' time went in waiting for a connection to come free: a request due
// while all 64 are busy waits in the generator's queue, and that wait is part of its latency (the service fell
// behind). connectionWaitP99Ms is the 99th percentile of that wait alone; slowestWaitShare is the part of the slowest
// 1 %'s latency spent in it (0 to 1).
//
// It speaks HTTP/1.1 over plain sockets (keep-alive, one request at a time per connection) rather than through
// node:http: the generator shares the machine's cores with the service it measures, and node:http's client cost about
// a third of a core at 2,600 requests/s (docs/benchmarks.md, seventh round). Responses are read as far as their
// status and their end (Content-Length or chunked); nothing else of them is used.
import net from "node:net";
import { inspection } from "./inspection.mjs";

const [url, rate, seconds, key] = process.argv.slice(2);
const target = new URL(url);
const total = Math.round(Number(rate) * Number(seconds));
const head = `POST ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nContent-Type: application/json\r\n` +
  (key ? `X-Api-Key: ${key}\r\n` : "");
const timings = []; // [latency, wait for a connection] of every request, in ms
const queue = [];
const idle = [];
let non2xx = 0;
let socketErrors = 0;
let finished = 0;
let resolveDone;
const done = new Promise(resolve => { resolveDone = resolve; });

function complete(due, sent, status) {
  if (status !== null && (status < 200 || status > 299)) non2xx++;
  timings.push([performance.now() - due, sent - due]);
  if (++finished === total) resolveDone();
}

// One connection: sends a request, reads its response to the end, then takes the next due one.
function connection() {
  const c = { sent: 0, socket: net.connect(Number(target.port || 80), target.hostname), due: 0, buffer: Buffer.alloc(0), busy: false, broken: false };
  c.socket.setNoDelay(true);
  c.socket.on("data", chunk => {
    c.buffer = c.buffer.length ? Buffer.concat([c.buffer, chunk]) : chunk;
    const status = responseEnd(c.buffer);
    if (status === null) return;
    c.buffer = Buffer.alloc(0);
    c.busy = false;
    complete(c.due, c.sent, status);
    idle.push(c);
    dispatch();
  });
  const fail = () => {
    if (c.broken) return;
    c.broken = true;
    if (c.busy) { socketErrors++; complete(c.due, c.sent, null); }
    const i = idle.indexOf(c);
    if (i >= 0) idle.splice(i, 1);
    if (finished < total) { idle.push(connection()); dispatch(); }
  };
  c.socket.on("error", fail);
  c.socket.on("close", fail);
  return c;
}

// The status of the complete response at the start of buffer, or null while more bytes are to come.
function responseEnd(buffer) {
  const headerEnd = buffer.indexOf("\r\n\r\n");
  if (headerEnd < 0) return null;
  const status = Number(buffer.toString("latin1", 9, 12));
  const headers = buffer.toString("latin1", 0, headerEnd).toLowerCase();
  const length = /\r\ncontent-length:\s*(\d+)/.exec(headers);
  let at = headerEnd + 4;
  if (length) return buffer.length >= at + Number(length[1]) ? status : null;
  if (!headers.includes("\r\ntransfer-encoding: chunked")) return status;
  for (;;) {
    const lineEnd = buffer.indexOf("\r\n", at);
    if (lineEnd < 0) return null;
    const size = parseInt(buffer.toString("latin1", at, lineEnd), 16);
    if (size === 0) return buffer.length >= lineEnd + 4 ? status : null;
    at = lineEnd + 2 + size + 2;
    if (buffer.length < at) return null;
  }
}

function dispatch() {
  while (queue.length && idle.length) {
    const c = idle.pop();
    const { i, due } = queue.shift();
    const body = inspection(`PACED-${process.pid}-${i}`);
    c.due = due;
    c.sent = performance.now();
    c.busy = true;
    c.socket.write(`${head}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  }
}

for (let n = 0; n < 64; n++) idle.push(connection());
const started = performance.now();
for (let i = 0; i < total; i++) {
  const due = started + (i * 1000) / Number(rate);
  const wait = due - performance.now();
  if (wait > 1) await new Promise(r => setTimeout(r, wait));
  queue.push({ i, due });
  dispatch();
}
await done;
const elapsed = (performance.now() - started) / 1000;
const latencies = timings.map(([latency]) => latency).sort((a, b) => a - b);
const at = p => latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : 0;
const waits = timings.map(([, wait]) => wait).sort((a, b) => a - b);
const tail = timings.sort((a, b) => b[0] - a[0]).slice(0, Math.max(1, Math.ceil(timings.length / 100)));
const sum = xs => xs.reduce((a, b) => a + b, 0);
const slowestWaitShare = tail.length && sum(tail.map(([latency]) => latency)) > 0
  ? sum(tail.map(([, wait]) => wait)) / sum(tail.map(([latency]) => latency)) : 0;
console.log(JSON.stringify({
  requests: latencies.length, seconds: +elapsed.toFixed(3), perSecond: +(latencies.length / elapsed).toFixed(1), targetRate: Number(rate),
  p50Ms: +at(0.5).toFixed(2), p90Ms: +at(0.9).toFixed(2), p99Ms: +at(0.99).toFixed(2), maxMs: +at(1).toFixed(2),
  non2xx, socketErrors, timeouts: 0,
  connectionWaitP99Ms: +(waits.length ? waits[Math.min(waits.length - 1, Math.floor(0.99 * waits.length))] : 0).toFixed(2),
  slowestWaitShare: +slowestWaitShare.toFixed(3),
}));
for (const c of idle) { c.broken = true; c.socket.destroy(); }
