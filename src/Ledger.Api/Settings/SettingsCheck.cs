using System.Reflection;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Settings;

/// <summary>Finds configuration values that cannot even be read as their setting's type (<c>BatchInterval=abc</c>).</summary>
internal static class SettingsCheck
{
    /// <summary>Throws an <see cref="OptionsValidationException"/> naming every value in <paramref name="section"/> that does not bind.</summary>
    public static void ThrowIfUnreadable<T>(IConfiguration configuration, string section)
    {
        var failures = new List<string>();
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            var value = configuration.GetSection(section).GetSection(property.Name);
            if (value.Value is null && !value.GetChildren().Any())
            {
                continue;
            }
            try
            {
                // The binder's own conversion, so exactly what would fail to bind fails here.
                _ = value.Get(property.PropertyType);
            }
            catch (InvalidOperationException)
            {
                failures.Add(SettingText.Unreadable($"{section}:{property.Name}", property, value.Value));
            }
        }
        if (failures.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(T), failures);
        }
    }
}
