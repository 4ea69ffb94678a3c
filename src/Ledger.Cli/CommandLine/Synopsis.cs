using System.CommandLine;
using System.CommandLine.Help;

namespace Ledger.Cli.CommandLine;

/// <summary>One line per command that does something, with its arguments and options, made from the command tree itself.</summary>
internal static class Synopsis
{
    /// <summary>E.g. <c>ledger keys revoke &lt;key-id&gt; --data-dir &lt;dir&gt;</c>, for every leaf under <paramref name="root"/>.</summary>
    public static IEnumerable<string> Lines(Command root) => Leaves(root, root.Name);

    private static IEnumerable<string> Leaves(Command command, string path) =>
        command.Subcommands.Count == 0
            ? [Line(command, path)]
            : command.Subcommands.Where(c => !c.Hidden).SelectMany(c => Leaves(c, $"{path} {c.Name}"));

    private static string Line(Command command, string path)
    {
        var parts = new List<string> { path };
        parts.AddRange(command.Arguments.Select(a => $"<{a.Name}>"));
        foreach (var option in command.Options.Where(o => o is not HelpOption && !o.Hidden))
        {
            var usage = option.Arity.MaximumNumberOfValues == 0 ? option.Name : $"{option.Name} <{option.HelpName ?? option.Name.TrimStart('-')}>";
            parts.Add(option.Required ? usage : $"[{usage}]");
        }
        return string.Join(' ', parts);
    }
}
