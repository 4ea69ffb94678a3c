using Ledger.Core.Encoding;
using Ledger.Core.Hashing;
using Ledger.Core.Merkle;

namespace Ledger.Core.Proofs;

/// <summary>Offline checks of a proof bundle, needing nothing but the bundle (the chain check is separate).</summary>
public static class ProofChecker
{
    /// <summary>Recomputes the root from the record hash and Merkle path and compares it with the bundle's root.</summary>
    public static MerkleCheck CheckMerkle(ProofBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (bundle.Format != ProofBundle.CurrentFormat)
        {
            return Fail($"unsupported format; expected {ProofBundle.CurrentFormat}");
        }
        if (!Hex.IsFixed(bundle.RecordHash, Keccak256.Size))
        {
            return Fail("recordHash is not 0x followed by 64 hex digits");
        }
        if (bundle.Merkle is null)
        {
            return Fail($"the bundle has no merkle section (status {bundle.Status}: the record is not in an anchored batch yet)");
        }
        if (!Hex.IsFixed(bundle.Merkle.Root, Keccak256.Size))
        {
            return Fail("merkle.root is not 0x followed by 64 hex digits");
        }
        if (bundle.Merkle.Proof is null)
        {
            return Fail("merkle.proof is missing");
        }
        var proof = new List<byte[]>(bundle.Merkle.Proof.Count);
        for (var i = 0; i < bundle.Merkle.Proof.Count; i++)
        {
            if (!Hex.IsFixed(bundle.Merkle.Proof[i], Keccak256.Size))
            {
                return Fail($"merkle.proof[{i}] is not 0x followed by 64 hex digits");
            }
            proof.Add(Hex.Decode(bundle.Merkle.Proof[i]));
        }
        var leaf = MerkleTree.LeafHash(Hex.Decode(bundle.RecordHash));
        var computed = MerkleTree.ProcessProof(leaf, proof);
        var computedHex = Hex.Encode(computed);
        return computed.AsSpan().SequenceEqual(Hex.Decode(bundle.Merkle.Root))
            ? new MerkleCheck(true, computedHex, null)
            : new MerkleCheck(false, computedHex, $"the proof leads to root {computedHex}, not to merkle.root {bundle.Merkle.Root.ToLowerInvariant()}");
    }

    private static MerkleCheck Fail(string problem) => new(false, null, problem);
}
