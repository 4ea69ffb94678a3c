namespace Ledger.Core.Records;

/// <summary>Data grade under the Data Security Law's classification and grading (Art. 21): it decides who may read a payload.</summary>
public enum DataLevel
{
    /// <summary>L1: may be published (e.g. inspection results shown to buyers).</summary>
    Public = 1,

    /// <summary>L2: for the community and staff, not the open web (e.g. volunteer hours).</summary>
    Internal = 2,

    /// <summary>L3: personal or business data whose leak causes harm; named staff only.</summary>
    Sensitive = 3,

    /// <summary>L4: sensitive personal information under PIPL Art. 28 (e.g. community correction whereabouts).</summary>
    HighlySensitive = 4,
}
