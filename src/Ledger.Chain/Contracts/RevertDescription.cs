using System.Globalization;
using System.Numerics;
using Ledger.Core.Encoding;
using Nethereum.ABI.Model;
using Nethereum.Contracts;

namespace Ledger.Chain;

/// <summary>Turns revert data into a line a person can act on, e.g. <c>LedgerAnchorRootAlreadyAnchored(root=0x…, batchId=3)</c>.</summary>
/// <remarks>Nethereum finds the error by its selector and decodes the arguments; the wording is ours.</remarks>
internal static class RevertDescription
{
    // Solidity's documented panic codes.
    private static readonly Dictionary<int, string> PanicReasons = new()
    {
        [0x00] = "generic compiler panic",
        [0x01] = "assertion failed",
        [0x11] = "arithmetic overflow or underflow",
        [0x12] = "division or modulo by zero",
        [0x21] = "invalid enum value",
        [0x22] = "invalid storage byte array",
        [0x31] = "pop on empty array",
        [0x32] = "array index out of bounds",
        [0x41] = "out of memory",
        [0x51] = "call to an uninitialised function",
    };

    public static string? Describe(IEnumerable<Type> errors, byte[]? revertData)
    {
        if (revertData is null)
        {
            return null;
        }
        if (revertData.Length == 0)
        {
            return "revert without data";
        }
        var data = Hex.Encode(revertData);
        foreach (var error in errors.Select(ABITypedRegistry.GetError))
        {
            if (!error.IsExceptionEncodedDataForError(data))
            {
                continue;
            }
            try
            {
                // Nethereum reads missing bytes as zeros; every argument takes at least one 32-byte word.
                if (revertData.Length < 4 + 32 * (error.InputParameters?.Length ?? 0))
                {
                    throw new FormatException("revert data too short for its arguments");
                }
                var values = error.DecodeErrorDataToDefault(data);
                var arguments = values.Select(v => $"{v.Parameter.Name}={Format(error.Name, v.Parameter.Type, v.Result)}");
                return $"{error.Name}({string.Join(", ", arguments)})";
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Anything can come back from a contract; a decoder failure only means the arguments are malformed.
                return $"{error.Name} with malformed arguments ({revertData.Length} bytes)";
            }
        }
        var selector = Hex.Encode(revertData.AsSpan(0, Math.Min(4, revertData.Length)));
        return $"unknown error {selector} ({revertData.Length} bytes)";
    }

    private static string Format(string errorName, string type, object? value) => value switch
    {
        BigInteger code when errorName == "Panic" => FormatPanic(code),
        BigInteger number => number.ToString(CultureInfo.InvariantCulture),
        byte[] bytes => Hex.Encode(bytes),
        string address when type == "address" && EthereumAddress.IsValid(address.ToLowerInvariant()) => EthereumAddress.Normalize(address.ToLowerInvariant()),
        string text when errorName == "Error" => $"\"{text}\"",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };

    private static string FormatPanic(BigInteger code)
    {
        var hex = "0x" + code.ToString("x2", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(2, '0');
        return code <= 0xff && PanicReasons.TryGetValue((int)code, out var reason) ? $"{hex} ({reason})" : hex;
    }
}
