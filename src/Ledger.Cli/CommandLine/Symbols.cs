using System.CommandLine;

namespace Ledger.Cli.CommandLine;

/// <summary>The kinds of arguments and options <c>ledger</c>'s commands take, made alike.</summary>
internal static class Symbols
{
    /// <summary>A required option whose value is taken as written.</summary>
    public static RequiredOption<string> Required(string name, string helpName, string example, string description) =>
        new(name, helpName, example, description);

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
    public static Argument<string> InputFile(string name, string description)
    {
        var file = new Argument<string>(name) { Description = description };
        file.Validators.Add(result =>
        {
            // An unknown option in the file's place would otherwise be taken for a file name.
            if (result.Tokens is [{ Value: var value }] && value.StartsWith('-') && value != "-")
            {
                result.AddError(UsageErrors.UnknownOption(value, result.Parent as System.CommandLine.Parsing.CommandResult));
            }
        });
        return file;
    }
}
