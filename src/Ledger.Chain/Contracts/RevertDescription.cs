using System.Globalization;
using System.Numerics;
using Ledger.Chain.Abi;
using Ledger.Core.Encoding;

namespace Ledger.Chain;

/// <summary>Turns revert data into a line a person can act on, e.g. <c>LedgerAnchorRootAlreadyAnchored(root=0x…, batchId=3)</c>.</summary>
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

    public static string? Describe(IEnumerable<AbiError> errors, byte[]? revertData)
    {
        if (revertData is null)
        {
            return null;
        }
        if (revertData.Length == 0)
        {
            return "revert without data";
        }
        foreach (var error in errors)
        {
            object?[]? values;
            try
            {
                values = error.TryDecode(revertData);
            }
            catch (FormatException)
            {
                return $"{error.Name} with malformed arguments ({revertData.Length} bytes)";
            }
            if (values is not null)
            {
                var arguments = error.Inputs.Select((p, i) => $"{p.Name}={Format(error.Name, values[i])}");
                return $"{error.Name}({string.Join(", ", arguments)})";
            }
        }
        var selector = Hex.Encode(revertData.AsSpan(0, Math.Min(4, revertData.Length)));
        return $"unknown error {selector} ({revertData.Length} bytes)";
    }

    private static string Format(string errorName, object? value) => value switch
    {
        BigInteger code when errorName == "Panic" => FormatPanic(code),
        BigInteger number => number.ToString(CultureInfo.InvariantCulture),
        byte[] bytes => Hex.Encode(bytes),
        string text when errorName == "Error" => $"\"{text}\"",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };

    private static string FormatPanic(BigInteger code)
    {
        var hex = "0x" + code.ToString("x2", CultureInfo.InvariantCulture).TrimStart('0').PadLeft(2, '0');
        return code <= 0xff && PanicReasons.TryGetValue((int)code, out var reason) ? $"{hex} ({reason})" : hex;
    }
}
