using System.CommandLine;
using System.CommandLine.Parsing;

namespace Ledger.Cli.CommandLine;

/// <summary>The kinds of arguments and options <c>ledger</c>'s commands take, made alike.</summary>
internal static class Symbols
{
    /// <summary>An option that may be left out (its value is then null).</summary>
    public static Option<string?> Optional(string name, string helpName, string description) =>
        new(name) { HelpName = helpName, Description = description };

    /// <summary>A switch: present or not, never with a value, and at most once.</summary>
    public static Option<bool> Flag(string name, string description)
    {
        var flag = new Option<bool>(name) { Arity = ArgumentArity.Zero, Description = description };
        flag.Validators.Add(result =>
        {
            if (result.IdentifierTokenCount > 1)
            {
                result.AddError($"{name} is given twice.");
            }
        });
        return flag;
    }

    /// <summary>An input file named on the command line; <c>-</c> is standard input, any other leading dash an unknown option.</summary>
    public static Argument<string> InputFile(string name, string description) => Positional(name, description, standardInput: true);

    /// <summary>A value named on the command line, such as a key id; a leading dash is an unknown option.</summary>
    public static Argument<string> Value(string name, string description) => Positional(name, description, standardInput: false);

    private static Argument<string> Positional(string name, string description, bool standardInput)
    {
        var argument = new Argument<string>(name) { Description = description };
        argument.Validators.Add(result =>
        {
            // An unknown option in the argument's place would otherwise be taken for its value.
            if (result.Tokens is [{ Value: var value }] && value.StartsWith('-') && !(standardInput && value == "-"))
            {
                result.AddError(UsageErrors.UnknownOption(value, result.Parent as CommandResult));
            }
        });
        return argument;
    }
}
