using BenchmarkDotNet.Attributes;
using Ledger.Chain.Attestation;
using Ledger.Chain;
using Ledger.Core.Canonical;
using Ledger.Core.Hashing;
using Ledger.Core.Protection;

namespace Ledger.Bench.Micro;

/// <summary>
/// The work each submitted record costs before it is written: canonical JSON (RFC 8785), its Keccak-256 record hash,
/// the issuer's signature over that hash (and its recovery, as a verifier does), and sealing an L2+ payload with
/// AES-256-GCM. Not sealed: BenchmarkDotNet derives from benchmark classes.
/// </summary>
[MemoryDiagnoser]
public class RecordBenchmarks
{
    private readonly byte[] _canonical = JsonCanonicalizer.Canonicalize(SampleRecord.EnvelopeJson);
    private readonly EthereumKey _issuer = EthereumKey.FromPrivateKey("0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
    private readonly PayloadCipher _cipher = new();
    private readonly DataKey _dataKey = DataKey.Generate("bench-subject-key");
    private readonly byte[] _associated = "0f6c1e36-4d1f-4c47-9a51-0f7d2d7b8e11"u8.ToArray();
    private byte[] _hash = [];
    private string _signature = "";
    private byte[] _sealed = [];

    [GlobalSetup]
    public void Setup()
    {
        _hash = Keccak256.Hash(_canonical);
        _signature = IssuerSignature.Sign(_issuer, _hash);
        _sealed = _cipher.Encrypt(_canonical, _dataKey, _associated);
    }

    [Benchmark(Description = "canonicalise (RFC 8785)")]
    public byte[] Canonicalise() => JsonCanonicalizer.Canonicalize(SampleRecord.EnvelopeJson);

    [Benchmark(Description = "hash (Keccak-256)")]
    public byte[] Hash() => Keccak256.Hash(_canonical);

    [Benchmark(Description = "sign (issuer, secp256k1)")]
    public string Sign() => IssuerSignature.Sign(_issuer, _hash);

    [Benchmark(Description = "recover signer")]
    public string Recover() => IssuerSignature.Recover(_hash, _signature);

    [Benchmark(Description = "seal (AES-256-GCM)")]
    public byte[] Seal() => _cipher.Encrypt(_canonical, _dataKey, _associated);

    [Benchmark(Description = "open sealed payload")]
    public byte[] Open() => PayloadCipher.Decrypt(_sealed, _dataKey, _associated);

    [GlobalCleanup]
    public void Cleanup() => _dataKey.Dispose();
}
