namespace Ledger.Cli.Commands;

/// <summary>A sub-command's <c>--name value</c> options and its positional arguments, checked against what it accepts.</summary>
internal sealed class CommandOptions
{
    private readonly Dictionary<string, string> _values = [];
    private readonly List<string> _positionals = [];

    private CommandOptions() { }

    /// <summary>Reads <paramref name="args"/>, refusing options not in <paramref name="accepted"/> and options given twice.</summary>
    public static CommandOptions Parse(string[] args, string command, params string[] accepted)
    {
        var options = new CommandOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                options._positionals.Add(arg);
                continue;
            }
            if (!accepted.Contains(arg))
            {
                throw new UsageException($"{command} does not take {arg}; it takes {string.Join(", ", accepted)}.");
            }
            if (i + 1 >= args.Length)
            {
                throw new UsageException($"{arg} needs a value.");
            }
            if (!options._values.TryAdd(arg, args[++i]))
            {
                throw new UsageException($"{arg} is given twice.");
            }
        }
        return options;
    }

    public IReadOnlyList<string> Positionals => _positionals;

    public string? Optional(string name) => _values.GetValueOrDefault(name);

    public string Required(string name, string example) =>
        _values.GetValueOrDefault(name) ?? throw new UsageException($"{name} is required, e.g. {name} {example}.");

    /// <summary>Throws unless exactly <paramref name="count"/> positional arguments were given.</summary>
    public void ExpectPositionals(int count, string usage)
    {
        if (_positionals.Count != count)
        {
            throw new UsageException(_positionals.Count > count ? $"Unexpected argument '{_positionals[count]}'. Usage: {usage}" : $"Usage: {usage}");
        }
    }
}
