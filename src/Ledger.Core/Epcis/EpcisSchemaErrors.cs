using System.Text;
using System.Text.Json;
using Json.Schema;

namespace Ledger.Core.Epcis;

/// <summary>
/// Turns the EPCIS schema's failures into one <see cref="EpcisError"/> per field. GS1's schema dispatches on the event
/// type with <c>if</c>/<c>then</c> and offers alternatives with <c>anyOf</c>, so a raw result lists the failed
/// conditions and every failed alternative too; only the failures that decide the outcome are kept: an <c>if</c> or
/// <c>not</c> is never an error by itself, and of a failed <c>anyOf</c> the alternative with the fewest problems speaks.
/// </summary>
internal static class EpcisSchemaErrors
{
    public static IReadOnlyList<EpcisError> Translate(EvaluationResults results, JsonElement document)
    {
        var found = new Dictionary<string, EpcisError>(StringComparer.Ordinal);
        foreach (var (location, keyword, message) in Decisive(results))
        {
            foreach (var error in Describe(location, keyword, message, document))
            {
                found.TryAdd(error.Path, error);
            }
        }
        return [.. found.Values.OrderBy(e => e.EventIndex ?? -1).ThenBy(e => e.Path, StringComparer.Ordinal)];
    }

    private static List<(string Location, string Keyword, string Message)> Decisive(EvaluationResults node)
    {
        var failures = new List<(string, string, string)>();
        if (node.IsValid)
        {
            return failures;
        }
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            failures.Add((node.InstanceLocation.ToString(), keyword, message));
        }
        List<(string, string, string)>? bestAlternative = null;
        foreach (var detail in node.Details ?? [])
        {
            var path = detail.EvaluationPath.ToString();
            if (path.EndsWith("/if", StringComparison.Ordinal) || path.EndsWith("/not", StringComparison.Ordinal))
            {
                continue;
            }
            var nested = Decisive(detail);
            if (IsAlternative(path))
            {
                if (nested.Count > 0 && (bestAlternative is null || nested.Count < bestAlternative.Count))
                {
                    bestAlternative = nested;
                }
                continue;
            }
            failures.AddRange(nested);
        }
        failures.AddRange(bestAlternative ?? []);
        return failures;
    }

    private static bool IsAlternative(string evaluationPath)
    {
        var last = evaluationPath.LastIndexOf('/');
        return last > 6 && evaluationPath.AsSpan(0, last).EndsWith("/anyOf", StringComparison.Ordinal);
    }

    private static IEnumerable<EpcisError> Describe(string pointer, string keyword, string message, JsonElement document)
    {
        var value = ValueAt(document, pointer);
        if (keyword == "required")
        {
            // "Required properties ["eventTime"] are not present": one error per missing field, at the field.
            foreach (var name in MissingNames(message))
            {
                yield return Error(pointer + "/" + name, "is required");
            }
            yield break;
        }
        yield return Error(pointer, keyword switch
        {
            "enum" or "const" => $"{Shown(value)} is not an allowed value",
            "pattern" => $"{Shown(value)} does not have the required form",
            "format" => $"{Shown(value)} is not valid: {message}",
            "additionalProperties" or "" => "is not an allowed field here",
            _ => message,
        });
    }

    private static IEnumerable<string> MissingNames(string message)
    {
        var open = message.IndexOf('[', StringComparison.Ordinal);
        var close = message.LastIndexOf(']');
        if (open < 0 || close < open)
        {
            yield break;
        }
        foreach (var name in message[(open + 1)..close].Split(','))
        {
            yield return name.Trim().Trim('"');
        }
    }

    private static string Shown(JsonElement? value) => value is { } v ? v.GetRawText() is { Length: <= 80 } raw ? raw : "the value" : "the value";

    // "/epcisBody/eventList/3/readPoint/id" → event 3, field "readPoint.id", path "$.epcisBody.eventList[3].readPoint.id".
    private static EpcisError Error(string pointer, string message)
    {
        var segments = pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToArray();
        var path = Dotted("$", segments);
        int? index = null;
        string? field = null;
        var events = Array.IndexOf(segments, "eventList");
        if (events >= 0 && events + 1 < segments.Length && int.TryParse(segments[events + 1], out var i))
        {
            index = i;
            field = segments.Length > events + 2 ? Dotted("", segments[(events + 2)..]) : "";
        }
        return new EpcisError(index, path, field, message);
    }

    private static string Dotted(string start, string[] segments)
    {
        var text = new StringBuilder(start);
        foreach (var segment in segments)
        {
            _ = segment.Length > 0 && segment.All(char.IsAsciiDigit)
                ? text.Append('[').Append(segment).Append(']')
                : (text.Length > 0 ? text.Append('.') : text).Append(segment);
        }
        return text.ToString();
    }

    private static JsonElement? ValueAt(JsonElement document, string pointer)
    {
        var current = document;
        foreach (var raw in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var segment = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, out var i) && i < current.GetArrayLength())
            {
                current = current[i];
            }
            else
            {
                return null;
            }
        }
        return current;
    }
}
