// Checks a ledger-proof/v1 bundle (stdin) with @openzeppelin/merkle-tree alone — an implementation that is not ours.
// Prints "valid" or "invalid: <reason>" and exits 0 either way; a crash exits non-zero.
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const bundle = JSON.parse(Buffer.concat(chunks).toString("utf8"));

let verdict;
try {
  const ok = StandardMerkleTree.verify(bundle.merkle.root, ["bytes32"], [bundle.recordHash], bundle.merkle.proof);
  verdict = ok ? "valid" : "invalid: the proof does not lead to the root";
} catch (error) {
  verdict = `invalid: ${error.message}`;
}
console.log(verdict);
