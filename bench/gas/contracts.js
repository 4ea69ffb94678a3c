// The contracts the gas curve compares, as ethers factories: LedgerAnchor exactly as the service deploys it (its
// exported artifact), EAS 1.9.0 and its SchemaRegistry from the npm package's prebuilt artifacts (benchmark-only),
// and OneWritePerRecord from this folder's Hardhat build.
const fs = require("node:fs");
const path = require("node:path");
const { ethers } = require("ethers");

const repo = path.join(__dirname, "..", "..");
const eas = path.join(repo, "node_modules", "@ethereum-attestation-service", "eas-contracts", "artifacts", "contracts");

function load(file) {
  const artifact = JSON.parse(fs.readFileSync(file, "utf8"));
  return { abi: artifact.abi, bytecode: artifact.bytecode };
}

const artifacts = {
  LedgerAnchor: () => load(path.join(repo, "src", "Ledger.Chain", "Contracts", "LedgerAnchor.json")),
  SchemaRegistry: () => load(path.join(eas, "SchemaRegistry.sol", "SchemaRegistry.json")),
  EAS: () => load(path.join(eas, "EAS.sol", "EAS.json")),
  OneWritePerRecord: () => load(path.join(__dirname, "artifacts", "contracts", "OneWritePerRecord.sol", "OneWritePerRecord.json")),
};

/** Deploys one contract with explicit nonce and fees and returns it attached to the signer. */
async function deploy(name, signer, args, nonce) {
  const { abi, bytecode } = artifacts[name]();
  const factory = new ethers.ContractFactory(abi, bytecode, signer);
  const contract = await factory.deploy(...args, { nonce, gasLimit: 15_000_000, maxFeePerGas: ethers.parseUnits("10", "gwei"), maxPriorityFeePerGas: 1n });
  await contract.waitForDeployment();
  return contract;
}

/**
 * Deploys the four contracts and registers the EAS schema the attestations use (one bytes32 record hash, revocable,
 * no resolver). Returns the contracts, the schema uid and the next nonce.
 */
async function deployAll(signer) {
  let nonce = await signer.getNonce();
  const me = await signer.getAddress();
  const anchor = await deploy("LedgerAnchor", signer, [me, me, me], nonce++);
  const registry = await deploy("SchemaRegistry", signer, [], nonce++);
  const easContract = await deploy("EAS", signer, [await registry.getAddress()], nonce++);
  const writes = await deploy("OneWritePerRecord", signer, [], nonce++);
  const schema = "bytes32 recordHash";
  const register = await registry.register(schema, ethers.ZeroAddress, true, fees(nonce++, 1_000_000));
  await register.wait();
  const uid = ethers.solidityPackedKeccak256(["string", "address", "bool"], [schema, ethers.ZeroAddress, true]);
  return { anchor, registry, eas: easContract, writes, schemaUid: uid, nonce };
}

function fees(nonce, gasLimit) {
  return { nonce, gasLimit, maxFeePerGas: ethers.parseUnits("10", "gwei"), maxPriorityFeePerGas: 1n };
}

module.exports = { deployAll, fees };
