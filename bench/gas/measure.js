// Gas per record, measured on one anvil in one run: LedgerAnchor (one anchor of a Merkle root per batch of N
// records), EAS attest (one per record), EAS multiAttest (100 per call), EAS multiTimestamp and one storage write per
// record, for N = 1 … 100,000. Every transaction is sent with a gas limit of 16,777,216 (the per-transaction cap of
// current Ethereum forks, which anvil does not enforce): a call that would need more is split into several calls,
// and the JSON says so. Where a size needs more calls than --max-calls, that many are sent and the rest are counted
// at the measured mean of identical calls (`extrapolatedCalls` > 0 says which figures those are).
//
//   node bench/gas/measure.js --rpc http://127.0.0.1:PORT --out FILE.json [--max-calls 100] [--sizes 1,10,100] [--commit ABC]
// The JSON keeps --commit and, when scripts/bench --all runs it, BENCH_RUN (its run id) as `run`.
const fs = require("node:fs");
const { ethers } = require("ethers");
const { deployAll, fees } = require("./contracts.js");
const calls = require("./calls.js");

const CAP = 16_777_216;
// anvil's first account, from its fixed test mnemonic.
const ANVIL_KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
}

async function send(signer, state, kind, hashes) {
  const tx = await signer.sendTransaction({ ...calls.transaction(kind, state.deployed, hashes), ...fees(state.nonce++, CAP) });
  return tx;
}

// Polls for receipts itself: ethers' tx.wait() can miss a block anvil mined before it began to watch.
async function receiptOf(provider, hash) {
  for (;;) {
    const receipt = await provider.getTransactionReceipt(hash);
    if (receipt) return receipt;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function gasOf(txs) {
  const receipts = await Promise.all(txs.map((tx) => receiptOf(tx.provider, tx.hash)));
  for (const r of receipts) {
    if (r.status !== 1) throw new Error(`a transaction failed: ${r.hash}`);
  }
  return receipts.map((r) => Number(r.gasUsed));
}

// One call's gas as a line through two sizes: base + perHash × n (multiTimestamp and storage writes grow linearly).
async function linearCost(provider, signer, state, kind) {
  const estimate = async (n) => Number(await provider.estimateGas({ ...calls.transaction(kind, state.deployed, calls.recordHashes(n, `estimate:${kind}`)), from: await signer.getAddress() }));
  const [small, large] = [await estimate(100), await estimate(200)];
  const perHash = (large - small) / 100;
  return { base: small - perHash * 100, perHash };
}

async function measure(provider, signer, state, kind, records, callLimit, maxCalls, label = `${kind}:${records}`) {
  const perCall = Math.min(callLimit, records);
  const count = Math.ceil(records / perCall);
  const full = Math.floor(records / perCall);
  const rest = records - full * perCall;
  const sentFull = Math.min(full, maxCalls);
  const hashes = calls.recordHashes(sentFull * perCall + rest, label);
  const txs = [];
  for (let i = 0; i < sentFull; i++) txs.push(await send(signer, state, kind, hashes.slice(i * perCall, (i + 1) * perCall)));
  if (rest > 0) txs.push(await send(signer, state, kind, hashes.slice(sentFull * perCall)));
  const gas = await gasOf(txs);
  const fullGas = gas.slice(0, sentFull);
  const meanFull = fullGas.length ? fullGas.reduce((a, b) => a + b, 0) / fullGas.length : 0;
  const extrapolated = full - sentFull;
  const total = gas.reduce((a, b) => a + b, 0) + meanFull * extrapolated;
  return {
    kind, records, recordsPerCall: perCall, calls: count, sentCalls: gas.length, extrapolatedCalls: extrapolated,
    totalGas: Math.round(total), gasPerRecord: total / records, largestCallGas: Math.max(...gas),
  };
}

async function main() {
  const rpc = option("--rpc");
  const out = option("--out");
  const maxCalls = Number(option("--max-calls", "100"));
  const sizes = option("--sizes", "1,10,100,1000,10000,100000").split(",").map(Number);
  const defaultBatch = Number(option("--default-batch", "1000"));
  const provider = new ethers.JsonRpcProvider(rpc, undefined, { batchMaxCount: 1 });
  const signer = new ethers.Wallet(ANVIL_KEY, provider);
  const deployed = await deployAll(signer);
  const state = { deployed, nonce: deployed.nonce };

  // Warm-up: the first call of each kind also pays for first-time storage (a batch counter, a schema's first use);
  // a running service is past that, so one of each is sent and not counted.
  await gasOf(await Promise.all(calls.kinds.map((kind) => send(signer, state, kind, calls.recordHashes(1, `warm:${kind}`)))));

  const linear = {};
  const perCall = { "ledger-anchor": Infinity, "eas-attest": 1, "eas-multi-attest": 100 };
  for (const kind of ["eas-multi-timestamp", "storage-write"]) {
    linear[kind] = await linearCost(provider, signer, state, kind);
    // The most hashes one call may carry and stay under the cap, with 2 % to spare, in whole hundreds.
    perCall[kind] = Math.floor((CAP * 0.98 - linear[kind].base) / linear[kind].perHash / 100) * 100;
  }

  const results = [];
  for (const kind of calls.kinds) {
    for (const records of sizes) {
      const started = Date.now();
      const row = await measure(provider, signer, state, kind, records, perCall[kind], maxCalls);
      if (linear[kind]) {
        row.oneCallGas = Math.round(linear[kind].base + linear[kind].perHash * records);
        row.oneCallExceedsCap = row.oneCallGas > CAP;
      } else if (kind === "eas-multi-attest") {
        row.oneCallExceedsCap = false; // 100 per call by definition; the largest call is reported
      } else {
        row.oneCallGas = row.calls === 1 ? row.largestCallGas : null;
        row.oneCallExceedsCap = false;
      }
      row.largestCallUnderCap = row.largestCallGas <= CAP;
      results.push(row);
      console.log(`${kind.padEnd(20)} N=${String(records).padStart(6)}: ${row.gasPerRecord.toFixed(1).padStart(10)} gas/record, ` +
        `${row.calls} call(s) (${row.sentCalls} sent${row.extrapolatedCalls ? `, ${row.extrapolatedCalls} counted at the mean` : ""}), ` +
        `largest ${row.largestCallGas} gas, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
  }

  const anchorAtDefault = await measure(provider, signer, state, "ledger-anchor", defaultBatch, Infinity, 1, `default:${defaultBatch}`);
  const network = await provider.getNetwork();
  const report = {
    measuredAt: new Date().toISOString(),
    commit: option("--commit"),
    run: process.env.BENCH_RUN || undefined,
    chain: { node: await provider.send("web3_clientVersion", []), chainId: Number(network.chainId) },
    perTransactionGasCap: CAP,
    recordsPerCall: Object.fromEntries(Object.entries(perCall).map(([k, v]) => [k, Number.isFinite(v) ? v : "all"])),
    linearCallCost: linear,
    defaultMaxBatchSize: { records: defaultBatch, gasPerRecord: anchorAtDefault.gasPerRecord, totalGas: anchorAtDefault.totalGas, target: 50, met: anchorAtDefault.gasPerRecord <= 50 },
    results,
  };
  fs.writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
  console.log(`LedgerAnchor at the default maximum batch size (${defaultBatch}): ${anchorAtDefault.gasPerRecord.toFixed(2)} gas per record ` +
    `(target ≤ 50: ${report.defaultMaxBatchSize.met ? "met" : "NOT met"}). Wrote ${out}`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
