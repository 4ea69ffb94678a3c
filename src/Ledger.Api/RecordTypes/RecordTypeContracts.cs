using Ledger.Api.Paging;

namespace Ledger.Api.RecordTypes;

/// <summary>The record types staff submit, each with its versions and their JSON Schemas: what a client needs to build a submission.</summary>
/// <param name="RecordTypes">The submittable types on this page, in ordinal order of "domain/type".</param>
/// <param name="Page">The next page's cursor and how many types there are.</param>
public sealed record RecordTypeCatalogView(IReadOnlyList<RecordTypeView> RecordTypes, PageInfo Page);

/// <summary>One record type.</summary>
/// <param name="Domain">The submission's and envelope's <c>domain</c>.</param>
/// <param name="Type">The submission's and envelope's <c>type</c>.</param>
/// <param name="Version">The version new records are checked against and written under (the envelope's <c>typeVersion</c>).</param>
/// <param name="Level">Data grade 1–4 (1 published, 2 internal, 3 sensitive, 4 highly sensitive): who may read the payload.</param>
/// <param name="Summary">What a record of this type says, in one line.</param>
/// <param name="SubmittedBy">The roles that may submit it.</param>
/// <param name="Schema">Where the current version's JSON Schema is.</param>
/// <param name="Versions">Every version, oldest first; a record is always checked against the version it was written under.</param>
public sealed record RecordTypeView(
    string Domain,
    string Type,
    int Version,
    int Level,
    string Summary,
    IReadOnlyList<string> SubmittedBy,
    string Schema,
    IReadOnlyList<RecordTypeVersionView> Versions);

/// <summary>One version of a record type.</summary>
/// <param name="Version">The envelope's <c>typeVersion</c> for records of this version.</param>
/// <param name="Schema">Where its JSON Schema is.</param>
public sealed record RecordTypeVersionView(int Version, string Schema);
