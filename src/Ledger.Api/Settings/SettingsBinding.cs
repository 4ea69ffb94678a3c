using Microsoft.Extensions.Options;

namespace Ledger.Api.Settings;

/// <summary>Binds an options class to its configuration section so that every bad value is refused in one readable line.</summary>
internal static class SettingsBinding
{
    /// <summary>
    /// Binds <typeparamref name="T"/> to <paramref name="section"/>, checked at start: a value that cannot be read as
    /// its type, or breaks a validation attribute or the class's own rules, stops start-up with an
    /// <see cref="OptionsValidationException"/> whose failures each name the setting, the value (unless it is text,
    /// which may be a secret) and what is allowed. Use instead of <c>BindConfiguration().ValidateDataAnnotations()</c>.
    /// </summary>
    public static OptionsBuilder<T> BindSettings<T>(this OptionsBuilder<T> options, string section) where T : class
    {
        // Registered before the binding, so it runs first: the binder would throw a bare "failed to convert".
        options.Configure<IConfiguration>((_, configuration) => SettingsCheck.ThrowIfUnreadable<T>(configuration, section));
        options.BindConfiguration(section);
        options.Services.AddSingleton<IValidateOptions<T>>(sp => new SettingsValidator<T>(section, sp.GetRequiredService<IConfiguration>()));
        return options.ValidateOnStart();
    }
}
