// The chain side of a proof (docs/proof-format.md §5, steps 3–6), asked by the browser straight from a public node.
const ANCHORED_AT = '0x9591a610'; // anchoredAt(bytes32) returns (uint64)
const ROOT_ANCHORED = '0xbc94de6682b7ab8bd48cacdef86a34f4a1d2f1b6d3845fb25f8308f32ee3b2a0'; // RootAnchored(uint256,bytes32,uint64)

/** The node could not be reached or gave no usable answer: the anchor stays the service's word. */
export class ChainUnavailable extends Error {}

async function call(rpcUrl, method, params) {
  let answer;
  try {
    const response = await fetch(rpcUrl, {
      method: 'POST', headers: { 'content-type': 'application/json' }, credentials: 'omit', cache: 'no-store',
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
    });
    answer = await response.json();
  } catch (e) {
    throw new ChainUnavailable(String(e));
  }
  if (answer.error || !('result' in answer)) throw new ChainUnavailable(answer.error?.message ?? 'no result');
  return answer.result;
}

const same = (a, b) => typeof a === 'string' && typeof b === 'string' && a.toLowerCase() === b.toLowerCase();
const big = value => { try { return BigInt(value); } catch { return null; } };

/**
 * Runs each check in order, stopping at the first that fails; yields { id, ok, facts } per check that ran.
 * The contract must be the one the service publishes: anyone can deploy a LedgerAnchor and anchor a root there.
 */
export async function* chainChecks(rpcUrl, bundle, publishedContract) {
  const { merkle, anchor } = bundle;
  const chainId = big(await call(rpcUrl, 'eth_chainId', []));
  yield { id: 'chainId', ok: chainId === big(anchor.chainId), facts: { expected: anchor.chainId, actual: String(chainId) } };

  yield { id: 'contract', ok: !publishedContract || same(anchor.contract, publishedContract),
    facts: { expected: publishedContract, actual: anchor.contract } };

  const anchoredAt = big(await call(rpcUrl, 'eth_call', [{ to: anchor.contract, data: ANCHORED_AT + merkle.root.slice(2) }, 'latest']));
  yield { id: 'anchoredAt', ok: anchoredAt !== null && anchoredAt !== 0n && anchoredAt === big(anchor.timestamp),
    facts: { root: merkle.root, expected: String(anchor.timestamp), actual: String(anchoredAt ?? 0) } };

  const receipt = await call(rpcUrl, 'eth_getTransactionReceipt', [anchor.txHash]);
  const log = receipt?.logs?.find(l => same(l.address, anchor.contract) // the emitter, not only the topic
    && same(l.topics?.[0], ROOT_ANCHORED) && same(l.topics?.[2], merkle.root) && big(l.topics?.[1]) === big(anchor.batchId));
  yield { id: 'log', ok: !!receipt && big(receipt.status) === 1n && big(receipt.blockNumber) === big(anchor.blockNumber)
      && same(receipt.blockHash, anchor.blockHash) && !!log,
    facts: { tx: anchor.txHash, contract: anchor.contract } };

  const block = await call(rpcUrl, 'eth_getBlockByNumber', ['0x' + BigInt(anchor.blockNumber).toString(16), false]);
  yield { id: 'block', ok: !!block && same(block.hash, anchor.blockHash) && big(block.timestamp) === big(anchor.timestamp),
    facts: { block: String(anchor.blockNumber), expected: anchor.blockHash, actual: block?.hash } };
}
