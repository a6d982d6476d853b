namespace SecurityML.Data;

/// <summary>
/// Writes the demo data sets, their labels and the user directory into a folder, deterministically: the same
/// <see cref="DemoDataOptions"/> always give byte-identical files on every platform (own seeded generator, integer
/// and plain floating-point arithmetic only, invariant culture, UTF-8 without byte order mark, <c>\n</c> line ends).
/// <c>sample-data/</c> is the output for the default options; its README lists columns and planted anomalies.
/// </summary>
public static class DemoDataGenerator
{
    /// <summary>Generates every data set into <paramref name="outputFolder"/> (created if missing; files
    /// overwritten).</summary>
    /// <param name="outputFolder">Where to write.</param>
    /// <param name="options">Scale, seed and start; null for the defaults (the committed <c>sample-data/</c>).</param>
    /// <returns>The files written, in writing order, with row counts and sizes.</returns>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range (see
    /// <see cref="DemoDataOptions.Validate"/>).</exception>
    public static IReadOnlyList<GeneratedFile> Generate(string outputFolder, DemoDataOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputFolder);
        options ??= new DemoDataOptions();
        options.Validate();
        Directory.CreateDirectory(outputFolder);
        var organization = new DemoOrganization(options);
        var files = new List<GeneratedFile>();

        files.Add(WriteCsv(outputFolder, DataSets.UserDirectory, DirectoryEntries(organization)));

        var shares = new FileShareGenerator(organization, options);
        files.Add(WriteCsv(outputFolder, DataSets.FileShareAccess, shares.Generate()));
        files.Add(WriteLabels(outputFolder, DataSets.FileShareAccess, shares.Labels));

        var logons = new LogonGenerator(organization, options);
        files.Add(WriteCsv(outputFolder, DataSets.Logons, logons.Generate()));
        files.Add(WriteLabels(outputFolder, DataSets.Logons, logons.Labels));

        var bytes = new OutboundBytesGenerator(options);
        files.Add(WriteCsv(outputFolder, DataSets.OutboundBytes, bytes.Generate()));
        files.Add(WriteLabels(outputFolder, DataSets.OutboundBytes, bytes.Labels));

        var processes = new ProcessCreationGenerator(organization, options);
        files.Add(WriteCsv(outputFolder, DataSets.ProcessCreation, processes.Generate()));
        files.Add(WriteLabels(outputFolder, DataSets.ProcessCreation, processes.Labels));

        var exchange = new ExchangeAdminGenerator(organization, options);
        files.Add(WriteCsv(outputFolder, DataSets.ExchangeAdmin, exchange.Generate()));
        files.Add(WriteLabels(outputFolder, DataSets.ExchangeAdmin, exchange.Labels));

        files.AddRange(WriteSignIns(outputFolder, organization, options));
        files.AddRange(HostActivityGenerator.Write(outputFolder, options));

        var context = new InvestigationContextGenerator(organization, options);
        files.Add(WriteCsv(outputFolder, DataSets.SecurityAlerts, context.Alerts));
        files.Add(WriteCsv(outputFolder, DataSets.HuntingBookmarks, context.Bookmarks));

        var alerts = new AlertTriageGenerator(organization, options);
        files.Add(WriteCsv(outputFolder, TriageDataSets.TriageAlerts, alerts.Generate()));
        files.Add(WriteCsv(outputFolder, TriageDataSets.TriageAlertVerdicts, alerts.Verdicts));
        return files;
    }

    private static IEnumerable<GeneratedFile> WriteSignIns(
        string outputFolder,
        DemoOrganization organization,
        DemoDataOptions options
    )
    {
        // Two generators with the same seed give the same sign-ins: one feeds the CSV, the other the OCSF file,
        // so neither has to be held in memory.
        var forCsv = new SignInGenerator(organization, options);
        var forOcsf = new SignInGenerator(organization, options);
        yield return WriteCsv(outputFolder, DataSets.SignIns, forCsv.Generate().Select(row => row.SignIn));
        yield return WriteLabels(outputFolder, DataSets.SignIns, forCsv.Labels(DataSets.SignIns));
        yield return options.SecurityLake
            ? WriteSecurityLake(outputFolder, DataSets.NetworkActivity, forOcsf.Generate().Select(row => row.ToOcsf()))
            : WriteJsonLines(outputFolder, DataSets.NetworkActivity, forOcsf.Generate().Select(row => row.ToOcsf()));
        yield return WriteLabels(outputFolder, DataSets.NetworkActivity, forOcsf.Labels(DataSets.NetworkActivity));
    }

    private static IEnumerable<UserDirectoryEntry> DirectoryEntries(DemoOrganization organization)
    {
        foreach (var user in organization.Users)
        {
            yield return new UserDirectoryEntry
            {
                Account = DemoOrganization.Account(user.Name),
                UserPrincipalName = DemoOrganization.Upn(user.Name),
                DisplayName = user.DisplayName,
                Department = user.Department.Name,
                Title = user.Title,
                Manager = user.Manager,
                AccountKind = "Human",
                PrivilegedGroups = user.PrivilegedGroups,
            };
        }
        var itHead = DemoOrganization.Account(organization.Person("IT", 0).Name);
        foreach (var service in organization.ServiceAccounts)
        {
            yield return new UserDirectoryEntry
            {
                Account = DemoOrganization.Account(service.Name),
                UserPrincipalName = DemoOrganization.Upn(service.Name),
                DisplayName = service.Title,
                Department = "IT",
                Title = service.Title,
                Manager = itHead,
                AccountKind = "Service",
                PrivilegedGroups = service.PrivilegedGroups,
            };
        }
    }

    private static GeneratedFile WriteCsv<T>(string outputFolder, DataSet<T> dataSet, IEnumerable<T> rows)
        where T : class
    {
        var path = Path.Combine(outputFolder, dataSet.FileName);
        var count = CsvDataFile.Write(path, rows);
        return new GeneratedFile(dataSet.FileName, count, new FileInfo(path).Length);
    }

    private static GeneratedFile WriteJsonLines<T>(string outputFolder, DataSet<T> dataSet, IEnumerable<T> rows)
        where T : class
    {
        var path = Path.Combine(outputFolder, dataSet.FileName);
        var count = JsonLinesDataFile.Write(path, rows);
        return new GeneratedFile(dataSet.FileName, count, new FileInfo(path).Length);
    }

    // The Security Lake folder replaces the JSON Lines file: a stale file beside it would make the data set ambiguous.
    private static GeneratedFile WriteSecurityLake(
        string outputFolder,
        DataSet<OcsfNetworkActivity> dataSet,
        IEnumerable<OcsfNetworkActivity> rows
    )
    {
        File.Delete(Path.Combine(outputFolder, dataSet.FileName));
        var root = Path.Combine(outputFolder, dataSet.Name);
        var count = SecurityLakeParquet.WriteNetworkActivity(root, rows);
        var bytes = Directory
            .EnumerateFiles(root, "*.parquet", SearchOption.AllDirectories)
            .Sum(f => new FileInfo(f).Length);
        return new GeneratedFile(dataSet.Name + "/", count, bytes);
    }

    private static GeneratedFile WriteLabels(string outputFolder, DataSet dataSet, IEnumerable<AnomalyLabel> labels) =>
        WriteCsv(outputFolder, DataSets.LabelsOf(dataSet), labels);
}
