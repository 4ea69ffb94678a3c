using System.CommandLine;

namespace Ledger.Cli.CommandLine;

/// <summary>A symbol that has an example value to show when it is missing.</summary>
internal interface IHasExample
{
    /// <summary>A value to show in the usage error, e.g. <c>/var/lib/ledger</c>.</summary>
    string Example { get; }
}

/// <summary>An option a command cannot do without; when it is missing, the usage error shows <see cref="Example"/>.</summary>
internal sealed class RequiredOption<T> : Option<T>, IHasExample
{
    public RequiredOption(string name, string helpName, string example, string description) : base(name)
    {
        Required = true;
        HelpName = helpName;
        Example = example;
        Description = description;
    }

    /// <inheritdoc />
    public string Example { get; }
}
