// Deploys LedgerAnchor on a chain and records where, for the service's Chain:Deployment setting:
//
//   LEDGER_RPC_URL=https://node.example:8545 LEDGER_DEPLOYER_KEYSTORE=deployer.json LEDGER_KEYSTORE_PASSWORD=… \
//     npx hardhat run scripts/deploy.js --network ledger
//
// The `ledger` network (hardhat.config.js) takes its URL from LEDGER_RPC_URL and the deploying key from
// LEDGER_DEPLOYER_KEY (hex), or from a Web3 Secret Storage keystore: LEDGER_DEPLOYER_KEYSTORE and
// LEDGER_KEYSTORE_PASSWORD. LEDGER_ANCHORER is the service's anchoring account (ANCHORER_ROLE and
// ISSUER_REGISTRAR_ROLE; by default the deployer), LEDGER_ADMIN the account that may grant roles (by default the
// deployer), LEDGER_CHAIN_ID the chain id the node must report (a guard against the wrong network; optional) and
// LEDGER_DEPLOYMENTS the folder (by default deployments/).
//
// It writes deployments/<chainId>.json in exactly the format `ledger chain deploy` writes, and never overwrites one:
// old proofs name their contract, so a chain's deployment record is kept.
const fs = require("node:fs");
const path = require("node:path");
const hre = require("hardhat");

const CONTRACT = "LedgerAnchor";

async function deployer() {
  const { ethers } = hre;
  const keystore = process.env.LEDGER_DEPLOYER_KEYSTORE;
  if (keystore) {
    const password = process.env.LEDGER_KEYSTORE_PASSWORD;
    if (password === undefined) {
      throw new Error("LEDGER_DEPLOYER_KEYSTORE is set but LEDGER_KEYSTORE_PASSWORD is not.");
    }
    // A keystore written with a byte-order mark (as .NET's UTF-8 writers add) is still JSON.
    const json = fs.readFileSync(keystore, "utf8").replace(/^\uFEFF/, "");
    const wallet = await ethers.Wallet.fromEncryptedJson(json, password);
    return wallet.connect(ethers.provider);
  }
  const [signer] = await ethers.getSigners();
  if (!signer) {
    throw new Error("No deploying key: set LEDGER_DEPLOYER_KEY, or LEDGER_DEPLOYER_KEYSTORE and LEDGER_KEYSTORE_PASSWORD.");
  }
  return signer;
}

async function main() {
  const { ethers } = hre;
  const chainId = (await ethers.provider.getNetwork()).chainId;
  const expected = process.env.LEDGER_CHAIN_ID;
  if (expected !== undefined && BigInt(expected) !== chainId) {
    throw new Error(`The node serves chain ${chainId}, not ${expected}; nothing was deployed.`);
  }
  const folder = process.env.LEDGER_DEPLOYMENTS || path.join(hre.config.paths.root, "deployments");
  const file = path.join(folder, `${chainId}.json`);
  if (fs.existsSync(file)) {
    throw new Error(`${file} exists: this chain already has a recorded deployment. Move it aside to deploy again.`);
  }

  const from = await deployer();
  const admin = ethers.getAddress(process.env.LEDGER_ADMIN || from.address);
  const anchorer = ethers.getAddress(process.env.LEDGER_ANCHORER || from.address);
  await hre.run("compile", { quiet: true });
  const artifact = await hre.artifacts.readArtifact(CONTRACT);
  const buildInfo = await hre.artifacts.getBuildInfo(`${artifact.sourceName}:${CONTRACT}`);

  console.log(`Deploying ${CONTRACT} on chain ${chainId} from ${from.address}…`);
  // The constructor grants the roles: DEFAULT_ADMIN_ROLE to admin, ANCHORER_ROLE and ISSUER_REGISTRAR_ROLE to the anchorer.
  const factory = new ethers.ContractFactory(artifact.abi, artifact.bytecode, from);
  const contract = await factory.deploy(admin, anchorer, anchorer);
  const receipt = await contract.deploymentTransaction().wait();
  const anchorerRole = await contract.ANCHORER_ROLE();
  if (!(await contract.hasRole(anchorerRole, anchorer))) {
    throw new Error(`${anchorer} does not hold ANCHORER_ROLE after the deployment.`);
  }

  // The members and their order are those of the C# DeploymentRecord (Ledger.Chain/Contracts/DeploymentRecord.cs).
  const record = {
    contract: CONTRACT,
    version: await contract.version(),
    chainId: Number(chainId),
    address: ethers.getAddress(await contract.getAddress()),
    transactionHash: receipt.hash,
    blockNumber: receipt.blockNumber,
    blockHash: receipt.blockHash,
    deployer: ethers.getAddress(from.address),
    admin,
    anchorer,
    artifactHash: ethers.keccak256(artifact.bytecode),
    solcVersion: buildInfo.solcVersion,
  };
  fs.mkdirSync(folder, { recursive: true });
  // "wx": fails rather than overwrite, should another deployment have written the file meanwhile.
  fs.writeFileSync(file, JSON.stringify(record, null, 2) + "\n", { flag: "wx" });
  console.log(
    `Deployed at ${record.address} in block ${record.blockNumber} (transaction ${record.transactionHash}); wrote ${file}. ` +
      `Start the service with Chain:RpcUrl and Chain:Deployment=${file}.`,
  );
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exitCode = 1;
});
