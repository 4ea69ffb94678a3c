// Posts COUNT inspections (32 at a time) and writes the hash of each accepted record, one a line, for the verify load.
// Usage: node seed.mjs <url> <count> <out-file> [api-key]
import http from "node:http";
import { writeFileSync } from "node:fs";
import { inspection } from "./inspection.mjs";

const [url, count, out, key] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
const headers = { "content-type": "application/json", ...(key ? { "x-api-key": key } : {}) };
const hashes = [];
let next = 0;

function post(body) {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", agent, headers: { ...headers, "content-length": Buffer.byteLength(body) } }, response => {
      const chunks = [];
      response.on("data", c => chunks.push(c));
      response.on("end", () => response.statusCode === 202
        ? resolve(JSON.parse(Buffer.concat(chunks).toString()))
        : reject(new Error(`seed: ${response.statusCode} ${Buffer.concat(chunks).toString().slice(0, 300)}`)));
    });
    request.on("error", reject);
    request.end(body);
  });
}

async function worker() {
  while (next < Number(count)) {
    const receipt = await post(inspection(`SEED-${process.pid}-${next++}`));
    hashes.push(receipt.recordHash ?? receipt.hash);
  }
}
await Promise.all(Array.from({ length: 32 }, worker));
writeFileSync(out, hashes.join("\n") + "\n");
agent.destroy();
