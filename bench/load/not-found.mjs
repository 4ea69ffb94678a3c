// The 404 timing: GET /records/{id} as a community worker, alternating between an L4 record it may not learn of (a
// community-correction case-opened record) and ids that do not exist, one request at a time; both must cost the same,
// or the time says which records exist. Usage: node not-found.mjs <base> <officer-key> <worker-key> <rounds>
const [base, officer, worker, rounds] = process.argv.slice(2);
const submitted = await fetch(`${base}/api/v1/correction/cases`, {
  method: "POST", headers: { "content-type": "application/json", "x-api-key": officer },
  body: JSON.stringify({ payload: { subjectRef: `CC-BENCH-${crypto.randomUUID().slice(0, 8)}`, correctionType: "probation",
    period: { start: "2026-11-01", end: "2027-10-31" }, plan: { checkIn: "daily", permittedAreas: ["330106"] }, minor: false, officerRef: "OFF-1" } }),
});
if (submitted.status !== 201) throw new Error(`the case was not opened: ${submitted.status}`);
const hidden = (await submitted.json()).caseId;
const times = { hidden: [], missing: [] };
for (let i = 0; i < Number(rounds) + 50; i++) {
  for (const [kind, id] of [["hidden", hidden], ["missing", crypto.randomUUID()]]) {
    const started = performance.now();
    const response = await fetch(`${base}/api/v1/records/${id}`, { headers: { "x-api-key": worker } });
    await response.arrayBuffer();
    if (response.status !== 404) throw new Error(`${kind}: expected 404, got ${response.status}`);
    if (i >= 50) times[kind].push(performance.now() - started); // the first 50 rounds warm up
  }
}
const at = (list, p) => [...list].sort((a, b) => a - b)[Math.floor(p * list.length)].toFixed(3);
console.log("| record | requests | p50 (ms) | p90 (ms) |");
console.log("|---|---:|---:|---:|");
for (const kind of ["hidden", "missing"]) console.log(`| ${kind} | ${times[kind].length} | ${at(times[kind], 0.5)} | ${at(times[kind], 0.9)} |`);
