using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Settings;

/// <summary>
/// Validates an options class like <c>ValidateDataAnnotations</c> does — its attributes first, then, if they hold,
/// its own <see cref="IValidatableObject"/> rules — but words each failure for an operator: the setting's full name,
/// the value given and what is allowed.
/// </summary>
internal sealed class SettingsValidator<T>(string section, IConfiguration configuration) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        if (name != Options.DefaultName)
        {
            return ValidateOptionsResult.Skip;
        }
        var failures = new List<string>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead))
        {
            var value = property.GetValue(options);
            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>())
            {
                if (!attribute.IsValid(value))
                {
                    failures.Add(SettingText.Invalid(Setting(property.Name), property, attribute, value, configuration[Setting(property.Name)]));
                }
            }
        }
        if (failures.Count == 0 && options is IValidatableObject rules)
        {
            foreach (var result in rules.Validate(new ValidationContext(options)))
            {
                var shown = result.MemberNames
                    .Select(member => typeof(T).GetProperty(member))
                    .OfType<PropertyInfo>()
                    .Where(p => SettingText.IsShown(p.PropertyType) && p.GetValue(options) is not null)
                    .Select(p => $"{Setting(p.Name)} is {SettingText.Show(p.GetValue(options), configuration[Setting(p.Name)])}")
                    .ToList();
                var message = result.ErrorMessage ?? "Invalid.";
                failures.Add(shown.Count == 0 ? message : $"{message} ({string.Join(", ", shown)})");
            }
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private string Setting(string property) => $"{section}:{property}";
}
