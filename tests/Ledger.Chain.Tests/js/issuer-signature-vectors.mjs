// Conformance vectors for IssuerSignature: ethers v6 signs record hashes with EIP-191 personal_sign (the 32 raw
// bytes of the hash as the message) for pseudo-random keys and hashes, and the C# tests compare byte for byte.
// Usage: node issuer-signature-vectors.mjs <seed> [count]   (same seed, same output)
import { Wallet, getBytes, hashMessage, hexlify, verifyMessage } from "ethers";

const seed = Number.parseInt(process.argv[2] ?? "1", 10);
const count = Number.parseInt(process.argv[3] ?? "100", 10);

// mulberry32, as in ethers-vectors.mjs: tiny and seedable.
let state = seed >>> 0;
function next32() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}
const hex = (n) => hexlify(Uint8Array.from({ length: n }, () => next32() & 0xff));

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const word = (value) => "0x" + value.toString(16).padStart(64, "0");
function privateKey() {
  for (;;) {
    const k = BigInt(hex(32));
    if (k > 0n && k < N) return word(k);
  }
}

// The first vectors pin the edges: the smallest and largest keys, and all-zero and all-one hashes.
const edgeKeys = [word(1n), word(N - 1n)];
const edgeHashes = [word(0n), word((1n << 256n) - 1n)];

function vector(i) {
  const key = edgeKeys[i] ?? privateKey();
  const recordHash = edgeHashes[i] ?? hex(32);
  const wallet = new Wallet(key);
  const message = getBytes(recordHash);
  const signature = wallet.signMessageSync(message);
  return {
    privateKey: key,
    address: wallet.address,
    recordHash,
    messageHash: hashMessage(message),
    signature,
    recovered: verifyMessage(message, signature),
  };
}

process.stdout.write(JSON.stringify({ seed, vectors: Array.from({ length: count }, (_, i) => vector(i)) }));
