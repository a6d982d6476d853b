using SecurityML.Numerics;

namespace SecurityML.Data;

/// <summary>
/// Generates 28 days of alerts from the library's four detectors with entity context, and the analysts' verdicts.
/// The anomaly score alone says little about a verdict: a few noisy accounts (the vulnerability scanner, the backup
/// service, two people who work at night) raise many high-scoring alerts that analysts close as benign or false,
/// while real attacks show in the context: a threat-intelligence match, several detectors on the same account within
/// a day, a privileged account, a critical host, activity off hours. The chance of a true positive is a fixed
/// linear rule of those columns (see <see cref="TruePositiveChance"/>), so a model that reads the context ranks better
/// than the score.
/// </summary>
internal sealed class AlertTriageGenerator
{
    public const int Days = 28;
    public const string Provider = "SecurityML";

    private static readonly string[] Detectors =
    [
        "Anomalous logon account-day",
        "Anomalous file share access",
        "Unusual sign-in address",
        "Rare process command line",
    ];

    private static readonly Dictionary<string, int> ServerCriticality = new(StringComparer.Ordinal)
    {
        ["DC01"] = 5,
        ["DC02"] = 5,
        ["EXCH01"] = 4,
        ["SQL01"] = 4,
        ["FS01"] = 4,
        ["FS02"] = 4,
        ["BKP01"] = 3,
        ["APP01"] = 3,
        ["WEB01"] = 3,
        ["MON01"] = 2,
    };

    private readonly DemoOrganization _organization;
    private readonly DemoClock _clock;
    private readonly DeterministicRandom _random;
    private readonly int _scale;
    private readonly List<AlertVerdict> _verdicts = [];

    public AlertTriageGenerator(DemoOrganization organization, DemoDataOptions options)
    {
        _organization = organization;
        _clock = new DemoClock(options.Start);
        _random = new DeterministicRandom(options.Seed, stream: 9);
        _scale = options.Scale;
    }

    /// <summary>The verdicts of the alerts generated so far (complete once <see cref="Generate"/> is
    /// enumerated).</summary>
    public IReadOnlyList<AlertVerdict> Verdicts => _verdicts;

    public IEnumerable<TriageAlert> Generate()
    {
        var accounts = Accounts();
        var noisy = accounts.Where(a => a.Noisy).ToList();
        var history = new List<TriageAlert>();
        for (var dayIndex = 0; dayIndex < Days; dayIndex++)
        {
            var day = _clock.Day(dayIndex);
            var count = (30 + _random.Next(15)) * _scale;
            var times = Enumerable
                .Range(0, count)
                .Select(_ => DemoClock.Within(_random, day, TimeSpan.FromDays(1)))
                .Order()
                .ToList();
            foreach (var time in times)
            {
                var account = _random.Chance(0.35) ? _random.Pick(noisy) : _random.Pick(accounts);
                var alert = Alert(time, account, history);
                history.Add(alert);
                _verdicts.Add(Verdict(alert, account.Noisy));
                yield return alert;
            }
        }
    }

    /// <summary>The chance that an alert is a true positive: 0.02 plus fixed weights of its context, within [0.01,
    /// 0.95].</summary>
    public static double TruePositiveChance(TriageAlert alert, bool noisyAccount)
    {
        var chance =
            0.02
            + (alert.ThreatIntelMatch ? 0.55 : 0)
            + 0.20 * (alert.DistinctDetectors24h - 1)
            + 0.05 * (alert.AssetCriticality - 2)
            + (alert.IsPrivileged ? 0.10 : 0)
            + (alert.OffHours ? 0.08 : 0)
            + 0.30 * (alert.AnomalyScore - 0.75)
            - (noisyAccount ? 0.10 : 0)
            - 0.01 * alert.EntityAlerts7d;
        return Math.Clamp(chance, 0.01, 0.95);
    }

    private TriageAlert Alert(DateTimeOffset time, AlertAccount account, List<TriageAlert> history)
    {
        var detector = _random.Pick(Detectors);
        var recent = history
            .Where(a => a.CompromisedEntity == account.Name && a.TimeGenerated > time.AddDays(-7))
            .ToList();
        var lastDay = recent
            .Where(a => a.TimeGenerated > time.AddDays(-1))
            .Select(a => a.AlertName)
            .Append(detector)
            .Distinct()
            .Count();
        var host = _random.Chance(0.3) ? _random.Pick(DemoOrganization.Servers).Name : account.Workstation;
        var noisyScore = account.Noisy ? 0.15 : 0;
        return new TriageAlert
        {
            TimeGenerated = time,
            SystemAlertId = _random.NextGuid().ToString("D"),
            AlertName = detector,
            ProviderName = Provider,
            CompromisedEntity = account.Name,
            Computer = DemoOrganization.Fqdn(host),
            AnomalyScore = Math.Round(Math.Min(0.999, 0.5 + noisyScore + (0.5 - noisyScore) * _random.NextDouble()), 4),
            AccountKind = account.Kind,
            IsPrivileged = account.Privileged,
            AssetCriticality = ServerCriticality.TryGetValue(host, out var critical) ? critical : 1,
            EntityAlerts7d = recent.Count,
            DistinctDetectors24h = lastDay,
            ThreatIntelMatch = _random.Chance(account.Noisy ? 0.02 : 0.06),
            OffHours = account.NightWorker || DemoClock.IsWeekend(time) || time.Hour < 7 || time.Hour >= 19,
        };
    }

    private AlertVerdict Verdict(TriageAlert alert, bool noisy)
    {
        var classification =
            _random.Chance(TruePositiveChance(alert, noisy)) ? AlertVerdict.TruePositive
            : noisy || _random.Chance(0.3) ? AlertVerdict.BenignPositive
            : AlertVerdict.FalsePositive;
        return new AlertVerdict
        {
            SystemAlertId = alert.SystemAlertId,
            ClosedTime = alert.TimeGenerated.AddMinutes(20 + _random.Next(600)),
            Classification = classification,
        };
    }

    private List<AlertAccount> Accounts()
    {
        var people = _organization
            .Users.Select(
                (user, index) =>
                    new AlertAccount(
                        DemoOrganization.Account(user.Name),
                        "Human",
                        user.PrivilegedGroups.Length > 0,
                        user.Workstation.Name,
                        Noisy: index % 23 == 5,
                        NightWorker: index % 23 == 5
                    )
            )
            .ToList();
        var services = _organization.ServiceAccounts.Select(service => new AlertAccount(
            DemoOrganization.Account(service.Name),
            "Service",
            service.PrivilegedGroups.Length > 0,
            service.Source.Name,
            Noisy: service.Name is "svc-scan" or "svc-backup",
            NightWorker: true
        ));
        return [.. people, .. services];
    }

    private sealed record AlertAccount(
        string Name,
        string Kind,
        bool Privileged,
        string Workstation,
        bool Noisy,
        bool NightWorker
    );
}
