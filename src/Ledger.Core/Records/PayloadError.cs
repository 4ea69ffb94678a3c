namespace Ledger.Core.Records;

/// <summary>One problem with a payload: the field's path (e.g. <c>items[2].unit</c>) and what is wrong with it.</summary>
public sealed record PayloadError(string Field, string Message);
