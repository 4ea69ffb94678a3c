// The Merkle side of a proof (docs/proof-format.md §2–3), computed in the visitor's browser.
import { keccak_256 } from './vendor/noble-hashes/sha3.js';

export const isHash = value => typeof value === 'string' && /^0x[0-9a-fA-F]{64}$/.test(value);

export function hexToBytes(hex) {
  const digits = hex.slice(2);
  const bytes = new Uint8Array(digits.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(digits.substr(i * 2, 2), 16);
  return bytes;
}

export const toHex = bytes => '0x' + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');

/** keccak256 of bytes, as 0x + 64 lower-case hex digits. */
export const keccakHex = bytes => toHex(keccak_256(bytes));

/** The OpenZeppelin StandardMerkleTree leaf of a bytes32: keccak256(keccak256(recordHash)), over the 32 raw bytes. */
export const leafOf = recordHash => keccak_256(keccak_256(hexToBytes(recordHash)));

function compareBytes(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

/** Folds the proof onto the record's leaf with the sorted-pair hash; returns the root it leads to. */
export function fold(recordHash, proof) {
  let node = leafOf(recordHash);
  for (const sibling of proof) {
    const other = hexToBytes(sibling);
    const [low, high] = compareBytes(node, other) <= 0 ? [node, other] : [other, node];
    const pair = new Uint8Array(64);
    pair.set(low);
    pair.set(high, 32);
    node = keccak_256(pair);
  }
  return toHex(node);
}

// JSON.stringify over recursively sorted keys is RFC 8785 (JCS) for the numbers the ledger accepts (§2).
const sortKeys = value => Array.isArray(value) ? value.map(sortKeys)
  : value !== null && typeof value === 'object'
    ? Object.fromEntries(Object.keys(value).sort().map(k => [k, sortKeys(value[k])]))
    : value;

/** The record hash of a ledger-record/v1 or v2 envelope (salt included). */
export const recordHashOf = envelope => keccakHex(new TextEncoder().encode(JSON.stringify(sortKeys(envelope))));
