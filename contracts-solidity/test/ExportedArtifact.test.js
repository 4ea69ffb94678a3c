const fs = require("node:fs");
const path = require("node:path");
const { expect } = require("chai");
const { artifacts } = require("hardhat");

const EXPORTED = path.join(__dirname, "..", "..", "src", "Ledger.Chain", "Contracts", "LedgerAnchor.json");
const STALE = "is stale; run `npm run export:contract` (npx hardhat run scripts/export-contract-artifact.js)";

// The C# service deploys the exported file, so it must match what these sources compile to.
describe("exported LedgerAnchor artifact", function () {
  let exported;
  let compiled;

  before(async function () {
    exported = JSON.parse(fs.readFileSync(EXPORTED, "utf8"));
    compiled = await artifacts.readArtifact("LedgerAnchor");
  });

  it("has the bytecode of the freshly compiled contract", function () {
    expect(exported.bytecode, `${EXPORTED} bytecode ${STALE}`).to.equal(compiled.bytecode);
  });

  it("has the ABI of the freshly compiled contract", function () {
    expect(exported.abi, `${EXPORTED} ABI ${STALE}`).to.deep.equal(compiled.abi);
  });
});
