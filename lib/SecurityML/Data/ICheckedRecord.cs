namespace SecurityML.Data;

/// <summary>A record type with rules beyond its column types; readers call <see cref="Check"/> on every row.</summary>
internal interface ICheckedRecord
{
    /// <summary>Returns the first broken rule, or null when the record is valid.</summary>
    RecordProblem? Check();
}
