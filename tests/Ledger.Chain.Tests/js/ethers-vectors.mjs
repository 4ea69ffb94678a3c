// Conformance vectors for Ledger.Chain: ethers v6 signs transactions and ABI-encodes calls, logs and errors
// for pseudo-random inputs, and the C# tests compare byte for byte.
// Usage: node ethers-vectors.mjs <seed> [count]   (same seed, same output)
//        node ethers-vectors.mjs keystore-make <privateKey> <password>   (keystores as ethers and Foundry write them)
//        node ethers-vectors.mjs keystore-open <password> < keystore.json   (what ethers decrypts it to)
import {
  AbiCoder, Interface, SigningKey, Transaction, Wallet, computeAddress, encryptKeystoreJsonSync, getAddress, hexlify, keccak256,
  toUtf8Bytes,
} from "ethers";

if (process.argv[2] === "keystore-make") {
  const [privateKey, password] = process.argv.slice(3);
  const wallet = new Wallet(privateKey);
  // Foundry (eth-keystore) writes scrypt n = 2^13, r = 8, p = 1 and no address; this has its shape, made by ethers.
  const foundry = JSON.parse(encryptKeystoreJsonSync({ address: wallet.address, privateKey }, password, { scrypt: { N: 1 << 13, r: 8, p: 1 } }));
  delete foundry.address;
  process.stdout.write(JSON.stringify({ address: wallet.address, ethers: wallet.encryptSync(password), foundry: JSON.stringify(foundry) }));
  process.exit(0);
}
if (process.argv[2] === "keystore-open") {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  const wallet = Wallet.fromEncryptedJsonSync(Buffer.concat(chunks).toString("utf8"), process.argv[3]);
  process.stdout.write(JSON.stringify({ address: wallet.address, privateKey: wallet.privateKey }));
  process.exit(0);
}

const seed = Number.parseInt(process.argv[2] ?? "1", 10);
const count = Number.parseInt(process.argv[3] ?? "200", 10);

// mulberry32: tiny, seedable and good enough to spread inputs over the edge cases below.
let state = seed >>> 0;
function next32() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}
const int = (n) => next32() % n;
const pick = (items) => items[int(items.length)];
const bytes = (n) => Uint8Array.from({ length: n }, () => next32() & 0xff);
const hex = (n) => hexlify(bytes(n));
function bigBits(maxBits) {
  const bits = int(maxBits + 1);
  let value = 0n;
  for (let i = 0; i < bits; i += 32) value = (value << 32n) | BigInt(next32());
  return bits === 0 ? 0n : value & ((1n << BigInt(bits)) - 1n);
}

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
function privateKey() {
  for (;;) {
    const k = BigInt(hex(32));
    if (k > 0n && k < N) return "0x" + k.toString(16).padStart(64, "0");
  }
}
const chainId = () => pick([1n, 31337n, 11155111n, 137n, (1n << 32n) + bigBits(20), bigBits(63) + 1n, (1n << 64n) - 1n, bigBits(64) | 1n]);
const nonce = () => pick([0, 1, 127, 128, int(1000), Number(bigBits(53))]);
const to = () => (int(4) === 0 ? null : getAddress(hex(20)));
function data() {
  // Up to 3 kB: the anchoring multicall grows with the issuer keys it registers.
  const length = pick([0, 1, 1, 55, 56, 2 + int(200), 1025 + int(2000), 3072]);
  if (length === 1) return pick(["0x00", "0x7f", "0x80", "0xff"]);
  return hex(length);
}

function sign(fields, key) {
  const tx = Transaction.from(fields);
  const signingHash = tx.unsignedHash;
  tx.signature = key.sign(signingHash);
  return { signingHash, raw: tx.serialized, hash: tx.hash, yParity: tx.signature.yParity, r: tx.signature.r, s: tx.signature.s };
}

function transactionVector() {
  const pk = privateKey();
  const key = new SigningKey(pk);
  const maxFeePerGas = bigBits(256);
  const maxPriorityFeePerGas = maxFeePerGas === 0n ? 0n : bigBits(256) % (maxFeePerGas + 1n);
  const common = { chainId: chainId(), nonce: nonce(), gasLimit: bigBits(64), to: to(), value: bigBits(256), data: data() };
  const gasPrice = bigBits(256);
  return {
    privateKey: pk,
    address: computeAddress(pk),
    chainId: common.chainId.toString(),
    nonce: common.nonce.toString(),
    gasLimit: common.gasLimit.toString(),
    to: common.to,
    value: common.value.toString(),
    data: common.data,
    maxFeePerGas: maxFeePerGas.toString(),
    maxPriorityFeePerGas: maxPriorityFeePerGas.toString(),
    gasPrice: gasPrice.toString(),
    eip1559: sign({ ...common, type: 2, maxFeePerGas, maxPriorityFeePerGas, accessList: [] }, key),
    legacy: sign({ ...common, type: 0, gasPrice }, key),
  };
}

const ledgerAnchor = new Interface([
  "constructor(address admin, address anchorer, address registrar)",
  "function anchor(bytes32 root, uint64 leafCount) returns (uint256 batchId)",
  "function registerIssuerKey(bytes32 organisation, address key)",
  "function retireIssuerKey(bytes32 organisation, address key)",
  "function issuerKey(bytes32 organisation, address key) view returns (uint64 validFromBlock, uint64 validUntilBlock)",
  "function isIssuerKeyValidAt(bytes32 organisation, address key, uint64 blockNumber) view returns (bool)",
  "function multicall(bytes[] data) returns (bytes[] results)",
  "function anchoredAt(bytes32 root) view returns (uint64)",
  "function batchOf(bytes32 root) view returns (uint256)",
  "function verify(bytes32 recordHash, bytes32[] proof, bytes32 root) view returns (bool)",
  "function hasRole(bytes32 role, address account) view returns (bool)",
  "function version() pure returns (string)",
  "event RootAnchored(uint256 indexed batchId, bytes32 indexed root, uint64 leafCount)",
  "error LedgerAnchorZeroRoot()",
  "error LedgerAnchorEmptyBatch()",
  "error LedgerAnchorRootAlreadyAnchored(bytes32 root, uint256 batchId)",
  "error AccessControlUnauthorizedAccount(address account, bytes32 neededRole)",
]);
const coder = AbiCoder.defaultAbiCoder();
const codePoints = [0x41, 0x7a, 0x20, 0x30, 0xe9, 0x20ac, 0x4e2d, 0x1f600, 0x0a, 0x22];
const text = () => String.fromCodePoint(...Array.from({ length: pick([0, 1, 31, 32, 33, int(100)]) }, () => pick(codePoints)));
const u64 = () => pick([0n, 1n, (1n << 64n) - 1n, bigBits(64)]);

function abiVectors() {
  const root = hex(32);
  const anchor = { root, leafCount: u64().toString() };
  const proof = Array.from({ length: int(6) }, () => hex(32));
  const verify = { recordHash: hex(32), proof, root };
  const deploy = { admin: getAddress(hex(20)), anchorer: getAddress(hex(20)), registrar: getAddress(hex(20)) };
  const organisationId = `org-${text()}`;
  const organisation = keccak256(toUtf8Bytes(organisationId));
  const issuerKeys = Array.from({ length: int(4) }, () => ({ key: getAddress(hex(20)), retire: int(2) === 1 }));
  const validity = { validFromBlock: u64().toString(), validUntilBlock: u64().toString(), blockNumber: u64().toString() };
  const log = { batchId: bigBits(256).toString(), root, leafCount: u64().toString() };
  const encodedLog = ledgerAnchor.encodeEventLog("RootAnchored", [log.batchId, log.root, log.leafCount]);
  const alreadyAnchored = { root, batchId: bigBits(256).toString() };
  const unauthorized = { account: getAddress(hex(20)), neededRole: keccak256(toUtf8Bytes("ANCHORER_ROLE")) };
  const message = text();
  const panic = pick([0x01n, 0x11n, 0x12n, 0x32n, bigBits(256)]);
  const anchoredAt = u64();
  const version = text();
  return {
    anchor: { ...anchor, calldata: ledgerAnchor.encodeFunctionData("anchor", [anchor.root, anchor.leafCount]) },
    anchoredAt: { root, calldata: ledgerAnchor.encodeFunctionData("anchoredAt", [root]), result: anchoredAt.toString(), returnData: ledgerAnchor.encodeFunctionResult("anchoredAt", [anchoredAt]) },
    verify: { ...verify, calldata: ledgerAnchor.encodeFunctionData("verify", [verify.recordHash, proof, root]) },
    hasRole: { account: deploy.anchorer, calldata: ledgerAnchor.encodeFunctionData("hasRole", [unauthorized.neededRole, deploy.anchorer]) },
    version: { text: version, returnData: ledgerAnchor.encodeFunctionResult("version", [version]) },
    deploy: { ...deploy, encodedArguments: ledgerAnchor.encodeDeploy([deploy.admin, deploy.anchorer, deploy.registrar]) },
    issuers: {
      organisationId,
      organisation,
      keys: issuerKeys,
      anchorCalldata: ledgerAnchor.encodeFunctionData("multicall", [[
        ...issuerKeys.map((k) => ledgerAnchor.encodeFunctionData(k.retire ? "retireIssuerKey" : "registerIssuerKey", [organisation, k.key])),
        ledgerAnchor.encodeFunctionData("anchor", [anchor.root, anchor.leafCount]),
      ]]),
      ...validity,
      issuerKeyReturnData: ledgerAnchor.encodeFunctionResult("issuerKey", [validity.validFromBlock, validity.validUntilBlock]),
      validAtCalldata: ledgerAnchor.encodeFunctionData("isIssuerKeyValidAt", [organisation, deploy.registrar, validity.blockNumber]),
    },
    log: { ...log, topics: encodedLog.topics, data: encodedLog.data },
    errors: {
      rootAlreadyAnchored: { ...alreadyAnchored, data: ledgerAnchor.encodeErrorResult("LedgerAnchorRootAlreadyAnchored", [root, alreadyAnchored.batchId]) },
      unauthorized: { ...unauthorized, data: ledgerAnchor.encodeErrorResult("AccessControlUnauthorizedAccount", [unauthorized.account, unauthorized.neededRole]) },
      zeroRoot: ledgerAnchor.encodeErrorResult("LedgerAnchorZeroRoot", []),
      errorString: { message, data: "0x08c379a0" + coder.encode(["string"], [message]).slice(2) },
      panic: { code: panic.toString(), data: "0x4e487b71" + coder.encode(["uint256"], [panic]).slice(2) },
    },
  };
}

// A random tuple over every type the C# encoder claims, including dynamic arrays of dynamic types.
const typeMakers = {
  uint8: () => bigBits(8).toString(),
  uint64: () => u64().toString(),
  uint256: () => bigBits(256).toString(),
  int64: () => (bigBits(64) - (1n << 63n)).toString(),
  int256: () => (bigBits(256) - (1n << 255n)).toString(),
  address: () => getAddress(hex(20)),
  bool: () => int(2) === 1,
  bytes4: () => hex(4),
  bytes32: () => hex(32),
  bytes: () => hex(pick([0, 1, 31, 32, 33, int(300)])),
  string: () => text(),
};
function randomType(depth) {
  const base = pick(Object.keys(typeMakers));
  if (depth > 0 && int(3) === 0) {
    const element = randomType(depth - 1);
    return int(2) === 0 ? `${element}[]` : `${element}[${1 + int(3)}]`;
  }
  return base;
}
function randomValue(type) {
  const array = /^(.*)\[(\d*)\]$/.exec(type);
  if (!array) return typeMakers[type]();
  const length = array[2] === "" ? int(4) : Number(array[2]);
  return Array.from({ length }, () => randomValue(array[1]));
}
function tupleVector() {
  const types = Array.from({ length: 1 + int(5) }, () => randomType(2));
  const values = types.map(randomValue);
  return { types, values, encoded: coder.encode(types, values) };
}

const output = {
  seed,
  transactions: Array.from({ length: count }, transactionVector),
  abi: Array.from({ length: count }, abiVectors),
  tuples: Array.from({ length: count }, tupleVector),
};
process.stdout.write(JSON.stringify(output));
