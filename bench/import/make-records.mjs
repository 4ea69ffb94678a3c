// Writes N small food-safety inspections as JSON lines (the same record as the HTTP side, each with its own lot).
//   node bench/import/make-records.mjs N FILE
import { createWriteStream } from "node:fs";
const [count, file] = process.argv.slice(2);
const run = Math.random().toString(36).slice(2);
const out = createWriteStream(file);
for (let i = 1; i <= Number(count); i++) {
  out.write(JSON.stringify({
    domain: "food-safety", type: "inspection", occurredAt: "2026-11-20T09:30:00+08:00",
    payload: { enterprise: { name: "Bench Vegetables Co." }, product: "Spinach", lot: `I-${run}-${i}`, inspectionKind: "rapid-test", result: "pass" },
  }) + "\n");
}
out.end();
