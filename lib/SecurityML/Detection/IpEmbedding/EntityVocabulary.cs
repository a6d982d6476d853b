namespace SecurityML.Detection.IpEmbedding;

/// <summary>
/// Maps entities onto rows of the entity table. Exact (the default): one row per distinct training entity, so an
/// entity never seen in training is known to be unseen. Hashed (opt-in memory bound, SageMaker's
/// <c>num_entity_vectors</c>): <see cref="StableHash"/> modulo the row count, with a record of which rows training
/// entities use, so an entity on an unused row is unseen and one on a used row may be sharing another's profile.
/// Model files of payload version 1 have no such record: every row counts as trained.
/// </summary>
internal sealed class EntityVocabulary
{
    private readonly Dictionary<string, int>? _rows;
    private readonly bool[]? _trainedRows;

    private EntityVocabulary(
        int rowCount,
        Dictionary<string, int>? rows,
        bool[]? trainedRows,
        int entities,
        int sharedEntities
    )
    {
        RowCount = rowCount;
        _rows = rows;
        _trainedRows = trainedRows;
        TrainedEntities = entities;
        EntitiesSharingARow = sharedEntities;
    }

    /// <summary>Rows of the entity table.</summary>
    public int RowCount { get; }

    /// <summary>True for the hashed vocabulary.</summary>
    public bool IsHashed => _rows is null;

    /// <summary>Distinct training entities (0 when unknown: a payload version 1 file).</summary>
    public int TrainedEntities { get; }

    /// <summary>Training entities whose hashed row another training entity also uses (0 for the exact
    /// vocabulary).</summary>
    public int EntitiesSharingARow { get; }

    /// <summary>The share of training entities that share their row: 0 for the exact vocabulary.</summary>
    public double CollisionRate => TrainedEntities == 0 ? 0 : (double)EntitiesSharingARow / TrainedEntities;

    /// <summary>One row per distinct entity, in ordinal order.</summary>
    public static EntityVocabulary Exact(IEnumerable<string> entities)
    {
        var names = entities.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return FromNames(names);
    }

    /// <summary>Entities hashed onto <paramref name="rowCount"/> rows; the rows training entities use are
    /// recorded.</summary>
    public static EntityVocabulary Hashed(int rowCount, IEnumerable<string> entities)
    {
        var trained = new bool[rowCount];
        var perRow = new Dictionary<int, int>();
        foreach (var entity in entities.Distinct(StringComparer.Ordinal))
        {
            int row = HashedRow(entity, rowCount);
            trained[row] = true;
            perRow[row] = perRow.GetValueOrDefault(row) + 1;
        }
        return new EntityVocabulary(
            rowCount,
            null,
            trained,
            perRow.Values.Sum(),
            perRow.Values.Where(count => count > 1).Sum()
        );
    }

    /// <summary>The hashed vocabulary of a payload version 1 file: which rows were trained is unknown.</summary>
    public static EntityVocabulary HashedUnrecorded(int rowCount) => new(rowCount, null, null, 0, 0);

    /// <summary>The entity's row and status; row −1 for an unseen entity.</summary>
    public (int Row, PairStatus Status) Lookup(string entity)
    {
        if (_rows is not null)
            return _rows.TryGetValue(entity, out int row)
                ? (row, PairStatus.KnownEntity)
                : (-1, PairStatus.UnseenEntity);
        int hashed = HashedRow(entity, RowCount);
        return _trainedRows is null || _trainedRows[hashed]
            ? (hashed, PairStatus.HashedEntity)
            : (-1, PairStatus.UnseenEntity);
    }

    /// <summary>Rows some training entity uses (every row when unrecorded).</summary>
    public IEnumerable<int> TrainedRows() =>
        Enumerable.Range(0, RowCount).Where(row => _rows is not null || _trainedRows is null || _trainedRows[row]);

    /// <summary>Writes the vocabulary: a flag (0 exact, 1 hashed), then the names in row order, or the row count and
    /// the trained-row bitmap (all rows when unrecorded).</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(IsHashed);
        if (_rows is not null)
        {
            writer.Write(_rows.Count);
            foreach (var name in _rows.OrderBy(pair => pair.Value).Select(pair => pair.Key))
                writer.Write(name);
            return;
        }
        writer.Write(RowCount);
        var bits = new byte[(RowCount + 7) / 8];
        for (int row = 0; row < RowCount; row++)
            if (_trainedRows is null || _trainedRows[row])
                bits[row / 8] |= (byte)(1 << (row % 8));
        writer.Write(bits);
    }

    /// <summary>Reads a vocabulary written by <see cref="Write"/>.</summary>
    /// <exception cref="InvalidDataException">A count out of range or a name listed twice (named).</exception>
    public static EntityVocabulary Read(BinaryReader reader)
    {
        if (!reader.ReadFlag("vocabulary.hashed"))
        {
            int count = reader.ReadCount("vocabulary.entities", 1);
            var names = new string[count];
            for (int index = 0; index < count; index++)
                names[index] = reader.ReadText($"vocabulary.entities[{index}]");
            return FromNames(names);
        }
        int rows = reader.ReadInt32("vocabulary.rows", 1, IpEmbeddingOptions.MaximumNumberOfEntityVectors);
        reader.CheckFits((rows + 7) / 8, 1, "vocabulary.trainedRows");
        var bits = reader.ReadBytes((rows + 7) / 8);
        var trained = Enumerable.Range(0, rows).Select(row => (bits[row / 8] & (1 << (row % 8))) != 0).ToArray();
        return new EntityVocabulary(rows, null, trained, 0, 0);
    }

    private static EntityVocabulary FromNames(IReadOnlyList<string> names)
    {
        var rows = new Dictionary<string, int>(names.Count, StringComparer.Ordinal);
        for (int index = 0; index < names.Count; index++)
        {
            if (!rows.TryAdd(names[index], index))
                throw ModelPayloadReader.Invalid(
                    $"vocabulary.entities[{index}]",
                    "an entity not listed before",
                    names[index]
                );
        }
        return new EntityVocabulary(names.Count, rows, null, names.Count, 0);
    }

    private static int HashedRow(string entity, int rowCount) => (int)(StableHash.Of(entity) % (ulong)rowCount);
}
