// Quick check that the gas curve's harness works: every contract deploys on Hardhat's in-process chain and takes one
// call of each kind the benchmark sends. Benchmark-only; run by scripts/bench-gas before it measures.
const { expect } = require("chai");
const { ethers } = require("hardhat");
const { deployAll, fees } = require("../contracts.js");
const calls = require("../calls.js");

describe("gas curve harness", function () {
  it("deploys LedgerAnchor, EAS and OneWritePerRecord and sends one of each measured call", async function () {
    const [signer] = await ethers.getSigners();
    const deployed = await deployAll(signer);
    let nonce = deployed.nonce;
    const hashes = calls.recordHashes(3, "harness");
    const carried = (kind) => (kind === "eas-attest" ? hashes.slice(0, 1) : hashes);
    for (const kind of calls.kinds) {
      const tx = await signer.sendTransaction({ ...calls.transaction(kind, deployed, carried(kind)), ...fees(nonce++, 5_000_000) });
      const receipt = await tx.wait();
      expect(receipt.status, kind).to.equal(1);
    }
    expect(await deployed.anchor.batchCount()).to.equal(1n);
    expect(await deployed.writes.storedAt(hashes[0])).to.not.equal(0n);
    expect(await deployed.eas.isAttestationValid(ethers.ZeroHash)).to.equal(false);
    expect(await deployed.eas.getTimestamp(hashes[2])).to.not.equal(0n);
  });
});
