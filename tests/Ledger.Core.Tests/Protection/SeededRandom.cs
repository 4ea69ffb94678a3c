using System.Security.Cryptography;
using Ledger.Core.Protection;

namespace Ledger.Core.Tests.Protection;

/// <summary>A repeatable byte stream (SHA-256 of seed ‖ counter) so tests can pin exact keys, nonces and outputs.</summary>
internal sealed class SeededRandom(string seed) : ISecureRandom
{
    private readonly byte[] _seed = System.Text.Encoding.UTF8.GetBytes(seed);
    private readonly Queue<byte> _pending = new();
    private uint _counter;

    public void Fill(Span<byte> destination)
    {
        for (var i = 0; i < destination.Length; i++)
        {
            if (_pending.Count == 0)
            {
                var block = new byte[_seed.Length + 4];
                _seed.CopyTo(block, 0);
                BitConverter.TryWriteBytes(block.AsSpan(_seed.Length), _counter++);
                foreach (var b in SHA256.HashData(block))
                {
                    _pending.Enqueue(b);
                }
            }
            destination[i] = _pending.Dequeue();
        }
    }
}
