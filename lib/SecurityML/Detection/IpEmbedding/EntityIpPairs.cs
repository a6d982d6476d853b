using SecurityML.Data;

namespace SecurityML.Detection.IpEmbedding;

/// <summary>
/// Builds (entity, IP) pairs for <see cref="IpEmbeddingDetector"/> from sign-ins, OCSF Network Activity (class 4001)
/// and CSV files, and checks them: IPv6 and malformed addresses and empty entities throw in strict mode, or are
/// skipped and recorded in a <see cref="LoadReport"/> in lenient mode (as the data readers do).
/// </summary>
public static class EntityIpPairs
{
    /// <summary>Pairs (UserPrincipalName, IPAddress) of sign-ins, in order, unchecked.</summary>
    /// <param name="signIns">The sign-ins.</param>
    /// <param name="excluding">Labels whose sign-ins to leave out (same user, time inside the label's window), e.g. to
    /// keep only normal traffic; none when null.</param>
    public static List<EntityIpPair> FromSignIns(
        IEnumerable<SignInEvent> signIns,
        IReadOnlyList<AnomalyLabel>? excluding = null
    )
    {
        ArgumentNullException.ThrowIfNull(signIns);
        return signIns
            .Where(signIn =>
                excluding is null
                || !excluding.Any(label => label.Covers(signIn.UserPrincipalName, signIn.TimeGenerated))
            )
            .Select(signIn => new EntityIpPair(signIn.UserPrincipalName, signIn.IPAddress))
            .ToList();
    }

    /// <summary>Pairs (entity, <c>src_endpoint.ip</c>) of OCSF Network Activity events, in order, unchecked; a
    /// missing attribute gives an empty string (rejected by <see cref="Usable"/>).</summary>
    /// <param name="events">The events.</param>
    /// <param name="entity">The attribute naming the entity; default the user.</param>
    public static List<EntityIpPair> FromNetworkActivity(
        IEnumerable<OcsfNetworkActivity> events,
        OcsfEntity entity = OcsfEntity.UserName
    )
    {
        ArgumentNullException.ThrowIfNull(events);
        return events
            .Select(e => new EntityIpPair(
                (entity == OcsfEntity.UserName ? e.Actor?.User?.Name : e.SourceEndpoint.InstanceUid) ?? "",
                e.SourceEndpoint.Ip ?? ""
            ))
            .ToList();
    }

    /// <summary>Reads a CSV file with columns <c>Entity</c> and <c>IpAddress</c> (others ignored) and checks the
    /// pairs.</summary>
    /// <param name="path">The file.</param>
    /// <param name="lenientReport">Null for strict reading; a report to skip bad rows and record them.</param>
    /// <exception cref="DataFormatException">Strict mode: a missing column or a bad row (file, line,
    /// reason).</exception>
    public static List<EntityIpPair> ReadCsv(string path, LoadReport? lenientReport = null)
    {
        // The reader checks each pair (EntityIpPair is an ICheckedRecord), so problems carry the file's own lines.
        return CsvDataFile.Read<EntityIpPair>(path, lenientReport).ToList();
    }

    /// <summary>The pairs the detector can use: entity non-empty and address dotted-quad IPv4.</summary>
    /// <param name="pairs">The pairs to check (not modified).</param>
    /// <param name="lenientReport">Null for strict mode (the first bad pair throws); a report for lenient mode (bad
    /// pairs are skipped and recorded with their line number and reason).</param>
    /// <param name="sourceName">Names the source in messages.</param>
    /// <param name="firstLineNumber">The line number of the first pair, for messages; default 1.</param>
    /// <exception cref="DataFormatException">Strict mode: a pair is bad; the message gives the line, the column and
    /// why.</exception>
    public static List<EntityIpPair> Usable(
        IEnumerable<EntityIpPair> pairs,
        LoadReport? lenientReport = null,
        string sourceName = "pairs",
        int firstLineNumber = 1
    )
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var usable = new List<EntityIpPair>();
        long line = firstLineNumber;
        foreach (var pair in pairs)
        {
            var problem = Problem(pair, sourceName, line++);
            if (problem is null)
            {
                usable.Add(pair);
            }
            else if (lenientReport is null)
            {
                throw problem;
            }
            else
            {
                lenientReport.AddDropped(problem);
            }
        }
        return usable;
    }

    private static DataFormatException? Problem(EntityIpPair? pair, string sourceName, long line)
    {
        if (pair is null)
            return new DataFormatException(sourceName, line, null, "the pair is missing.");
        if (string.IsNullOrEmpty(pair.Entity))
        {
            return new DataFormatException(
                sourceName,
                line,
                nameof(EntityIpPair.Entity),
                "the entity is empty; expected an identifier."
            );
        }
        return Ipv4Address.TryParse(pair.IpAddress, out _, out var reason)
            ? null
            : new DataFormatException(sourceName, line, nameof(EntityIpPair.IpAddress), reason + ".");
    }
}
