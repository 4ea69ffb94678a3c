using System.Text.Json;

namespace Ledger.Core.Epcis;

/// <summary>
/// Strings that are not text. JSON lets a string escape half of a UTF-16 surrogate pair (<c>"\ud800"</c>), which names
/// no character; reading such a string throws, in the schema's evaluation and in the hash alike, so a document holding
/// one is refused here first, each bad string named by event index, field and path like a schema error.
/// </summary>
internal static class EpcisText
{
    private const int MaxErrors = 100;
    private const string EventList = "$.epcisBody.eventList[";

    /// <summary>Every string value or member name in <paramref name="document"/> that is not valid Unicode text.</summary>
    public static IReadOnlyList<EpcisError> Check(JsonElement document)
    {
        var errors = new List<EpcisError>();
        Walk(document, "$", errors);
        return errors;
    }

    private static void Walk(JsonElement value, string path, List<EpcisError> errors)
    {
        if (errors.Count >= MaxErrors)
        {
            return;
        }
        switch (value.ValueKind)
        {
            case JsonValueKind.String when !IsText(value):
                errors.Add(Error(path, "is not valid Unicode text: it holds an escaped lone surrogate"));
                break;
            case JsonValueKind.Object:
                foreach (var member in value.EnumerateObject())
                {
                    if (NameOf(member) is { } name)
                    {
                        Walk(member.Value, $"{path}.{name}", errors);
                    }
                    else
                    {
                        errors.Add(Error(path, "has a member name that is not valid Unicode text: it holds an escaped lone surrogate"));
                    }
                }
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    Walk(item, $"{path}[{index++}]", errors);
                }
                break;
        }
    }

    private static bool IsText(JsonElement value)
    {
        try
        {
            _ = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static string? NameOf(JsonProperty member)
    {
        try
        {
            return member.Name;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    // "$.epcisBody.eventList[3].epcList[1]" → event 3, field "epcList[1]"; a path outside the events names no event.
    private static EpcisError Error(string path, string message)
    {
        if (!path.StartsWith(EventList, StringComparison.Ordinal))
        {
            return EpcisError.Document(path, message);
        }
        var close = path.IndexOf(']', EventList.Length);
        var index = int.Parse(path.AsSpan(EventList.Length, close - EventList.Length), System.Globalization.CultureInfo.InvariantCulture);
        var field = path.Length > close + 2 ? path[(close + 2)..] : "";
        return new EpcisError(index, path, field, message);
    }
}
