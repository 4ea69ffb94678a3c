// Reference roots and proofs from OpenZeppelin's StandardMerkleTree, for MerkleTree conformance tests.
// stdin:  {"trees": [["0x<32-byte hex>", ...], ...]}
// stdout: {"trees": [{"root": "0x…", "proofs": [["0x…", ...], ...]}, ...]}  (proofs in input order)
// Exits non-zero if StandardMerkleTree.verify rejects any proof it produced.
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));

const trees = input.trees.map((values, t) => {
  const tree = StandardMerkleTree.of(values.map(v => [v]), ['bytes32']);
  const proofs = values.map((v, i) => {
    const proof = tree.getProof(i);
    if (!StandardMerkleTree.verify(tree.root, ['bytes32'], [v], proof)) {
      throw new Error(`tree ${t}: proof for value ${i} does not verify`);
    }
    return proof;
  });
  return { root: tree.root, proofs };
});

process.stdout.write(JSON.stringify({ trees }));
