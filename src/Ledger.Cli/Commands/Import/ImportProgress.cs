using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Ledger.Cli.Commands.Import;

/// <summary>
/// Shows how far an import is: a Spectre.Console progress bar when standard error is a terminal, otherwise a plain
/// line on standard error every few seconds (logs and CI keep a readable trail).
/// </summary>
internal abstract class ImportProgress
{
    /// <summary>Counts acknowledged lines.</summary>
    public abstract void Advance(int lines);

    /// <summary>Runs <paramref name="work"/> with the progress shown; <paramref name="done"/> lines are done already.</summary>
    public static async Task<T> ShowAsync<T>(TextWriter error, int total, int done, Func<ImportProgress, Task<T>> work)
    {
        if (!ReferenceEquals(error, Console.Error) || Console.IsErrorRedirected)
        {
            var plain = new PlainProgress(error, total, done);
            var result = await work(plain);
            plain.Report(force: true);
            return result;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("import", maxValue: Math.Max(total, 1));
                task.Increment(done);
                return await work(new BarProgress(task));
            });
    }

    private sealed class BarProgress(ProgressTask task) : ImportProgress
    {
        public override void Advance(int lines) => task.Increment(lines);
    }

    private sealed class PlainProgress(TextWriter error, int total, int done) : ImportProgress
    {
        private static readonly TimeSpan Every = TimeSpan.FromSeconds(2);
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly int _start = done;
        private int _done = done;
        private TimeSpan _last;

        public override void Advance(int lines)
        {
            Interlocked.Add(ref _done, lines);
            Report(force: false);
        }

        public void Report(bool force)
        {
            lock (_clock)
            {
                var now = _clock.Elapsed;
                if (!force && now - _last < Every)
                {
                    return;
                }
                _last = now;
                var rate = now.TotalSeconds > 0 ? (_done - _start) / now.TotalSeconds : 0;
                error.WriteLine(string.Format(CultureInfo.InvariantCulture, "import: {0:N0} of {1:N0} lines ({2:P0}), {3:N0} lines/s",
                    _done, total, total == 0 ? 1 : (double)_done / total, rate));
            }
        }
    }
}
