namespace Ledger.Cli.Tests.Verification;

/// <summary>One in-process run of the <c>ledger</c> command line: its exit code and what it wrote.</summary>
public sealed record CliRun(int Code, string Output, string Error)
{
    /// <summary>Everything written, standard output first.</summary>
    public string Text => Output + Error;

    /// <summary>The non-empty lines written to either stream.</summary>
    public IReadOnlyList<string> Lines => Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static async Task<CliRun> RunAsync(string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await CliApp.RunAsync(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public override string ToString() => $"exit {Code}: {Text.Trim()}";
}
