using System.Reflection;
using Microsoft.Extensions.Options;

namespace Ledger.Api.Settings;

/// <summary>
/// Ends start-up on a bad setting the way an operator can act on: one line per problem on stderr and in the log,
/// and exit code 78 — no unhandled-exception dump, which would bury the one line that matters under a stack trace.
/// </summary>
internal static class StartupRefusal
{
    /// <summary>EX_CONFIG from sysexits.h: the configuration is wrong.</summary>
    public const int ExitCode = 78;

    /// <summary>
    /// True when this program is the process. Hosted by a test's WebApplicationFactory it is not: then a refusal stays
    /// an exception, which the factory hands to the test.
    /// </summary>
    public static bool OwnsProcess => Assembly.GetEntryAssembly() == typeof(StartupRefusal).Assembly;

    /// <summary>
    /// The problems <paramref name="exception"/> reports (bad settings, an address already taken, or a refusal an
    /// operator must act on); null otherwise.
    /// </summary>
    public static IReadOnlyList<string>? ProblemsIn(Exception exception) => exception switch
    {
        OptionsValidationException invalid => [.. invalid.Failures],
        StartupRefusedException refused => [refused.Message],
        // Start-up validation throws one of these per options class when several are wrong.
        AggregateException all when all.InnerExceptions.All(e => e is OptionsValidationException) =>
            [.. all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures)],
        // Kestrel could not bind an address of --Urls: another program (or another Ledger) holds it.
        IOException { InnerException: Microsoft.AspNetCore.Connections.AddressInUseException } busy =>
            [$"{busy.Message.TrimEnd('.')}. Stop the program that listens there, or give Ledger another address with --Urls."],
        _ => null,
    };

    /// <summary>Writes each problem as one line to stderr and to the log, without the exception.</summary>
    public static void Report(IReadOnlyList<string> problems, ILogger log)
    {
        foreach (var problem in problems)
        {
            Console.Error.WriteLine($"Ledger did not start: {problem}");
            log.LogCritical("Ledger did not start: {Problem}", problem);
        }
    }

    /// <summary>Runs the start-up validation of every options class now, before anything touches the database or the chain.</summary>
    public static void ValidateSettings(this WebApplication app) => app.Services.GetService<IStartupValidator>()?.Validate();
}
