using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace Ledger.Cli.CommandLine;

/// <summary>
/// Usage errors as <c>ledger</c> reports them: one line <c>error: …</c> naming what is wrong in the words of the
/// command, then a pointer to that command's <c>--help</c>, and exit code 2 (never System.CommandLine's own report).
/// </summary>
internal static class UsageErrors
{
    /// <summary>Writes the error and the pointer to <paramref name="command"/>'s help.</summary>
    public static async Task<int> ReportAsync(TextWriter error, string message, CommandResult command)
    {
        await error.WriteLineAsync($"error: {message}");
        await error.WriteLineAsync($"Run `{FullName(command)} --help` for usage.");
        return CliApp.Usage;
    }

    /// <summary>The one thing to tell about a command line that did not parse: the first error, said plainly.</summary>
    public static string Describe(ParseResult result)
    {
        foreach (var error in result.Errors)
        {
            switch (error.SymbolResult)
            {
                case OptionResult option:
                    return OfOption(error, option);
                case ArgumentResult { Parent: OptionResult option }:
                    return OfOption(error, option);
                case ArgumentResult argument:
                    return OfArgument(error, argument);
            }
        }
        if (result.UnmatchedTokens is [var token, ..])
        {
            return Unmatched(token, result.CommandResult);
        }
        return result.CommandResult.Command.Subcommands.Count > 0
            ? $"{Name(result.CommandResult)} needs a command: {Choices(result.CommandResult.Command)}."
            : result.Errors[0].Message;
    }

    /// <summary>What to say about an option-like <paramref name="token"/> that <paramref name="command"/> does not take.</summary>
    public static string UnknownOption(string token, CommandResult? command)
    {
        if (command is null)
        {
            return $"Unknown option '{token}'.";
        }
        var accepted = command.Command.Options.Where(o => o is not HelpOption && !o.Hidden).Select(o => o.Name).ToList();
        return accepted.Count == 0
            ? $"{Name(command)} does not take {token}; it takes no options."
            : $"{Name(command)} does not take {token}; it takes {string.Join(", ", accepted)}.";
    }

    private static string OfOption(ParseError error, OptionResult result)
    {
        var name = result.Option.Name;
        if (result.IdentifierTokenCount > 1)
        {
            return $"{name} is given twice.";
        }
        if (result.Implicit && result.Option.Required)
        {
            return result.Option is IHasExample { Example: var example }
                ? $"{name} is required, e.g. {name} {example}."
                : $"{name} is required.";
        }
        return result.Tokens.Count == 0 && result.Option.Arity.MinimumNumberOfValues > 0 ? $"{name} needs a value." : error.Message;
    }

    private static string OfArgument(ParseError error, ArgumentResult result) =>
        result.Tokens.Count == 0 && result.Parent is CommandResult command
            ? $"{Name(command)} needs <{result.Argument.Name}>: {result.Argument.Description}"
            : error.Message;

    private static string Unmatched(string token, CommandResult command)
    {
        if (command.Command.Subcommands.Count > 0)
        {
            var prefix = command.Parent is null ? "" : Name(command) + " ";
            return $"Unknown {prefix}command '{token}'; use {Choices(command.Command)}.";
        }
        return token.StartsWith('-') && token != "-" ? UnknownOption(token, command) : $"Unexpected argument '{token}'.";
    }

    private static string Choices(Command group)
    {
        var names = group.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        return names.Count == 1 ? names[0] : $"{string.Join(", ", names[..^1])} or {names[^1]}";
    }

    // "keys create": the command as an operator types it after `ledger`.
    private static string Name(CommandResult command) =>
        string.Join(' ', Lineage(command).Skip(1).Select(c => c.Command.Name));

    private static string FullName(CommandResult command) =>
        string.Join(' ', Lineage(command).Select(c => c.Command.Name));

    private static IEnumerable<CommandResult> Lineage(CommandResult command)
    {
        var chain = new List<CommandResult>();
        for (var current = command; current is not null; current = current.Parent as CommandResult)
        {
            chain.Add(current);
        }
        chain.Reverse();
        return chain;
    }
}
