// Renders bench/gas/measure.js's JSON as markdown and puts it between the gas markers of a document.
//   node bench/gas/table.js RESULTS.json DOC.md
const fs = require("node:fs");

const [jsonPath, docPath] = process.argv.slice(2);
const report = JSON.parse(fs.readFileSync(jsonPath, "utf8"));
const names = {
  "ledger-anchor": "LedgerAnchor `anchor` (one Merkle root per batch)",
  "eas-attest": "EAS `attest` (one transaction per record)",
  "eas-multi-attest": "EAS `multiAttest` (100 per call)",
  "eas-multi-timestamp": "EAS `multiTimestamp`",
  "storage-write": "one storage write per record",
};
const sizes = [...new Set(report.results.map((r) => r.records))];
const n = (x, digits = 0) => x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const cell = (r) => n(r.gasPerRecord, r.gasPerRecord < 100 ? 1 : 0) + (r.extrapolatedCalls > 0 ? " *" : "");

const lines = [];
lines.push(`Measured ${report.measuredAt.slice(0, 16).replace("T", " ")} UTC on ${report.chain.node} (chain ${report.chain.chainId}), ` +
  `every transaction sent with a gas limit of ${n(report.perTransactionGasCap)}.`, "");
lines.push(`| gas per record | ${sizes.map((s) => n(s)).join(" | ")} |`);
lines.push(`|---|${sizes.map(() => "---:").join("|")}|`);
for (const [kind, name] of Object.entries(names)) {
  const rows = report.results.filter((r) => r.kind === kind);
  lines.push(`| ${name} | ${sizes.map((s) => cell(rows.find((r) => r.records === s))).join(" | ")} |`);
}
lines.push("", "\\* more calls than the run sent: the calls not sent are counted at the measured mean of identical calls (see `sentCalls` and `extrapolatedCalls` in the JSON).", "");
lines.push("| transactions | " + sizes.map((s) => n(s)).join(" | ") + " |");
lines.push(`|---|${sizes.map(() => "---").join("|")}|`);
for (const [kind, name] of Object.entries(names)) {
  const rows = report.results.filter((r) => r.kind === kind);
  lines.push(`| ${name} | ${sizes.map((s) => {
    const r = rows.find((x) => x.records === s);
    const split = r.oneCallExceedsCap ? ` (one call: ${n(r.oneCallGas)} gas, over the cap)` : "";
    return `${n(r.calls)} × ≤ ${n(r.largestCallGas)}${split}`;
  }).join(" | ")} |`);
}
const d = report.defaultMaxBatchSize;
lines.push("", `Calls that would exceed the cap are split: \`multiTimestamp\` carries at most ${n(report.recordsPerCall["eas-multi-timestamp"])} hashes ` +
  `and the storage-write contract at most ${n(report.recordsPerCall["storage-write"])} per call (the most that stay under ${n(report.perTransactionGasCap)} gas with 2 % to spare). ` +
  `Every transaction sent stayed under the cap.`, "");
lines.push(`**At the service's default maximum batch size (\`Anchoring:MaxBatchSize\` = ${n(d.records)}): ${n(d.gasPerRecord, 1)} gas per record ` +
  `(${n(d.totalGas)} gas for the batch's one \`anchor\`). Target ≤ 50: ${d.met ? "met" : "NOT met"}.**`);

const doc = fs.readFileSync(docPath, "utf8");
const begin = "<!-- gas-table:begin -->";
const end = "<!-- gas-table:end -->";
const at = doc.indexOf(begin);
const until = doc.indexOf(end);
if (at < 0 || until < at) throw new Error(`${docPath} has no ${begin} … ${end} markers`);
fs.writeFileSync(docPath, doc.slice(0, at + begin.length) + "\n" + lines.join("\n") + "\n" + doc.slice(until));
console.log(`Wrote the gas table into ${docPath}`);
