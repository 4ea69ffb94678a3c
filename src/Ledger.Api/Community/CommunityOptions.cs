using System.ComponentModel.DataAnnotations;

namespace Ledger.Api.Community;

/// <summary>Shared-community settings (configuration section <c>Community</c>).</summary>
public sealed class CommunityOptions
{
    public const string Section = "Community";

    /// <summary>A fund expense above this many yuan needs approvals by two staff other than its recorder before it counts.</summary>
    [Range(typeof(decimal), "0", "100000000")]
    public decimal DualApprovalThreshold { get; set; } = 1000.00m;

    /// <summary>How long after an entry is published a resident may object to it.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "90.00:00:00")]
    public TimeSpan ObjectionWindow { get; set; } = TimeSpan.FromDays(7);
}
