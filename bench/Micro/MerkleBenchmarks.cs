using BenchmarkDotNet.Attributes;
using Ledger.Core.Hashing;
using Ledger.Core.Merkle;

namespace Ledger.Bench.Micro;

/// <summary>
/// An anchor batch's Merkle tree (OpenZeppelin StandardMerkleTree leaves and pairs): building it, one record's proof,
/// and checking a proof. Sizes: the default maximum batch (1,000) and ten times that. Not sealed: BenchmarkDotNet
/// derives from benchmark classes.
/// </summary>
[MemoryDiagnoser]
public class MerkleBenchmarks
{
    private byte[][] _hashes = [];
    private MerkleTree _tree = null!;
    private IReadOnlyList<byte[]> _proof = [];

    [Params(1_000, 10_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _hashes = [.. Enumerable.Range(0, Records).Select(i => Keccak256.Hash(BitConverter.GetBytes(i)))];
        _tree = MerkleTree.Build(_hashes);
        _proof = _tree.GetProof(_hashes[Records / 2]);
    }

    [Benchmark(Description = "build tree")]
    public byte[] Build() => MerkleTree.Build(_hashes).Root;

    [Benchmark(Description = "proof of one record")]
    public IReadOnlyList<byte[]> Proof() => _tree.GetProof(_hashes[Records / 2]);

    [Benchmark(Description = "verify a proof")]
    public bool Verify() => MerkleTree.Verify(_tree.Root, _hashes[Records / 2], _proof);
}
