// Prints how many records the service accepted that are not yet in a confirmed batch: waiting for a batch plus those
// in batches still on their way (GET /api/v1/status). scripts/bench and scripts/bench-scale wait for it to reach 0.
// Usage: node backlog.mjs <service> <admin-or-auditor-key>
const [service, key] = process.argv.slice(2);
const response = await fetch(`${service}/api/v1/status`, { headers: { "X-Api-Key": key } });
if (!response.ok) {
  console.error(`backlog: GET /api/v1/status answered ${response.status}`);
  process.exit(1);
}
const { backlog } = await response.json();
console.log(backlog.waitingRecords + backlog.recordsInOpenBatches);
