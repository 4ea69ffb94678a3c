// The calls the gas curve measures, one function per kind: each turns the record hashes one transaction carries into
// that transaction's `to` and `data`.
const { ethers } = require("ethers");
const { StandardMerkleTree } = require("@openzeppelin/merkle-tree");

const coder = ethers.AbiCoder.defaultAbiCoder();

const kinds = ["ledger-anchor", "eas-attest", "eas-multi-attest", "eas-multi-timestamp", "storage-write"];

/** Distinct, reproducible stand-ins for record hashes (keccak of a label and an index): like real ones, nearly no zero bytes. */
function recordHashes(count, label) {
  const hashes = new Array(count);
  for (let i = 0; i < count; i++) {
    hashes[i] = ethers.keccak256(ethers.toUtf8Bytes(`${label}:${i}`));
  }
  return hashes;
}

/** The Merkle root the service would anchor for these leaves (OpenZeppelin StandardMerkleTree, as the service's tree). */
function merkleRoot(hashes) {
  return StandardMerkleTree.of(hashes.map((h) => [h]), ["bytes32"]).root;
}

function attestationData(hash) {
  return { recipient: ethers.ZeroAddress, expirationTime: 0n, revocable: true, refUID: ethers.ZeroHash, data: coder.encode(["bytes32"], [hash]), value: 0n };
}

/** `to` and `data` of one transaction of `kind` carrying `hashes` (one hash for eas-attest). */
function transaction(kind, deployed, hashes) {
  switch (kind) {
    case "ledger-anchor":
      return { to: deployed.anchor.target, data: deployed.anchor.interface.encodeFunctionData("anchor", [merkleRoot(hashes), hashes.length]) };
    case "eas-attest":
      if (hashes.length !== 1) throw new Error("eas-attest carries one record per transaction");
      return { to: deployed.eas.target, data: deployed.eas.interface.encodeFunctionData("attest", [{ schema: deployed.schemaUid, data: attestationData(hashes[0]) }]) };
    case "eas-multi-attest":
      return { to: deployed.eas.target, data: deployed.eas.interface.encodeFunctionData("multiAttest", [[{ schema: deployed.schemaUid, data: hashes.map(attestationData) }]]) };
    case "eas-multi-timestamp":
      return { to: deployed.eas.target, data: deployed.eas.interface.encodeFunctionData("multiTimestamp", [hashes]) };
    case "storage-write":
      return { to: deployed.writes.target, data: deployed.writes.interface.encodeFunctionData("store", [hashes]) };
    default:
      throw new Error(`unknown kind ${kind}`);
  }
}

module.exports = { kinds, recordHashes, merkleRoot, transaction };
