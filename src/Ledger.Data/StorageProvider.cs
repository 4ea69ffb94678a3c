namespace Ledger.Data;

/// <summary>Which database engine holds the store (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>One SQLite file: the embedded default for one machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database that several service instances may share.</summary>
    PostgreSql,
}
