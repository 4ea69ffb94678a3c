#:project ../src/Ledger.Chain/Ledger.Chain.csproj
#:property Configuration=Release
// Issuer signatures per second on this machine: run through `scripts/bench --sign`. Each record on the ingest path is
// signed once; the offline verifier recovers one per record it checks. Both run on libsecp256k1: the C library where it
// loads, else its C# port (LEDGER_SECP256K1=managed scripts/bench --sign measures the port). For comparison, the same
// EIP-191 signature made and recovered through Nethereum's default BouncyCastle path.
using System.Diagnostics;
using System.Globalization;
using Ledger.Chain;
using Ledger.Chain.Attestation;
using Ledger.Core.Hashing;
using Nethereum.Signer;

var seconds = double.Parse(Environment.GetEnvironmentVariable("BENCH_SECONDS") ?? "3", CultureInfo.InvariantCulture);
var key = EthereumKey.FromPrivateKey(Keccak256.Hash("ledger sign bench"u8));
var hashes = Enumerable.Range(0, 4096).Select(i => Keccak256.Hash(BitConverter.GetBytes(i))).ToArray();
var signatures = hashes.Select(h => IssuerSignature.Sign(key, h)).ToArray();
var nethereumKey = new EthECKey(key.ExportPrivateKey());
var messageSigner = new EthereumMessageSigner();

Console.WriteLine($"| path | operations/s |");
Console.WriteLine($"|---|---:|");
var backend = Secp256k1Backend.NativeInUse ? "libsecp256k1, the C library" : "libsecp256k1's C# port, NBitcoin.Secp256k1";
Measure($"IssuerSignature.Sign ({backend})", i => IssuerSignature.Sign(key, hashes[i]));
Measure($"IssuerSignature.TryRecover ({backend}, canonical-form checks)", i => IssuerSignature.TryRecover(hashes[i], signatures[i], out _));
Measure("Nethereum EthereumMessageSigner.Sign (default: BouncyCastle)", i => messageSigner.Sign(hashes[i], nethereumKey));
Measure("Nethereum EthereumMessageSigner.EcRecover (BouncyCastle)", i => messageSigner.EcRecover(hashes[i], signatures[i]));

void Measure(string name, Action<int> operation)
{
    for (var i = 0; i < 256; i++)
    {
        operation(i);
    }
    var count = 0;
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed.TotalSeconds < seconds)
    {
        operation(count++ % hashes.Length);
    }
    Console.WriteLine($"| {name} | {count / clock.Elapsed.TotalSeconds:N0} |");
}
