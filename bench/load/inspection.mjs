// The small food-safety inspection every load sends (the wrk script builds the same text).
export function inspection(lot) {
  return JSON.stringify({
    domain: "food-safety", type: "inspection", occurredAt: "2026-11-20T09:30:00+08:00",
    payload: { enterprise: { name: "Green Valley Vegetables Co." }, product: "Spinach", lot, inspectionKind: "rapid-test", result: "pass" },
  });
}
