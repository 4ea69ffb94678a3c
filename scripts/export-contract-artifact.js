// Compiles LedgerAnchor and writes the ABI and creation bytecode that the C# service deploys.
// Run with `npx hardhat run scripts/export-contract-artifact.js` (or `npm run export:contract`).
const fs = require("node:fs");
const path = require("node:path");
const hre = require("hardhat");

const CONTRACT = "LedgerAnchor";
const OUTPUT = path.join(__dirname, "..", "src", "Ledger.Chain", "Contracts", `${CONTRACT}.json`);

async function main() {
  await hre.run("compile", { quiet: true });
  const artifact = await hre.artifacts.readArtifact(CONTRACT);
  const buildInfo = await hre.artifacts.getBuildInfo(`${artifact.sourceName}:${CONTRACT}`);
  const exported = {
    contractName: artifact.contractName,
    solcVersion: buildInfo.solcVersion,
    abi: artifact.abi,
    bytecode: artifact.bytecode,
  };
  fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
  fs.writeFileSync(OUTPUT, JSON.stringify(exported, null, 2) + "\n");
  console.log(`Wrote ${path.relative(process.cwd(), OUTPUT)} (solc ${exported.solcVersion})`);
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
