using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;

namespace Ledger.Api.Settings;

/// <summary>
/// The wording of a bad setting: its name, its value and what is allowed. Values are shown only for numbers,
/// durations and switches; text settings are never echoed, because text is where secrets live (private keys,
/// connection strings with passwords, RPC URLs with credentials, JWT keys, the master key).
/// </summary>
internal static class SettingText
{
    /// <summary>Whether a value of this type may be printed.</summary>
    public static bool IsShown(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(decimal) || t == typeof(TimeSpan);
    }

    /// <summary>A value that does not convert to the setting's type.</summary>
    public static string Unreadable(string setting, PropertyInfo property, string? raw) =>
        IsShown(property.PropertyType)
            ? $"{setting} is '{raw}', which is not {Form(property.PropertyType).Name}; allowed: {Allowed(property)}."
            : $"{setting} cannot be read (value not shown); allowed: {Allowed(property)}.";

    /// <summary>A value that converts but breaks <paramref name="attribute"/>.</summary>
    public static string Invalid(string setting, PropertyInfo property, ValidationAttribute attribute, object? value, string? raw)
    {
        var given = IsShown(property.PropertyType) ? $"{setting} is {Show(value, raw)}" : $"{setting} (value not shown)";
        return attribute switch
        {
            RangeAttribute => $"{given}; allowed: {Allowed(property)}.",
            MaxLengthAttribute max when value is string text => $"{setting} is {text.Length} characters long; allowed: at most {max.Length}.",
            RequiredAttribute => $"{setting} is required.",
            _ => $"{given}: {attribute.FormatErrorMessage(setting)}",
        };
    }

    /// <summary>The value as the operator wrote it, or as bound when it came from a default.</summary>
    public static string Show(object? value, string? raw) =>
        raw ?? Convert.ToString(value, CultureInfo.InvariantCulture) ?? "empty";

    private static string Allowed(PropertyInfo property)
    {
        var (name, hint) = Form(property.PropertyType);
        var form = hint is null ? name : $"{name} ({hint})";
        return property.GetCustomAttribute<RangeAttribute>() is { } range
            ? $"{form} from {Limit(range.Minimum)} to {Limit(range.Maximum)}"
            : form;
    }

    private static string Limit(object limit) => Convert.ToString(limit, CultureInfo.InvariantCulture) ?? "";

    private static (string Name, string? Hint) Form(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        if (t.IsEnum)
        {
            return ($"one of {string.Join(", ", Enum.GetNames(t))}", null);
        }
        return t switch
        {
            _ when t == typeof(bool) => ("true or false", null),
            _ when t == typeof(TimeSpan) => ("a duration", "[d.]hh:mm:ss[.fff], e.g. 00:00:30"),
            _ when t == typeof(decimal) || t == typeof(double) || t == typeof(float) => ("a number", null),
            _ when t.IsPrimitive => ("a whole number", null),
            _ => ("a value of the documented form", null),
        };
    }
}
