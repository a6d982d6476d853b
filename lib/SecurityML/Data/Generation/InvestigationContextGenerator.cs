using SecurityML.Numerics;

namespace SecurityML.Data;

/// <summary>
/// Generates the investigation context of the demo data: SecurityAlert rows (one per alert and account) and hunting
/// bookmarks. The planted anomalies of the other data sets that a product would alert on get an alert shortly after
/// they start (status <c>New</c>), three of them also an analyst's bookmark; around them, routine alerts that were
/// resolved or dismissed (unfamiliar sign-ins, blocked malware, the scanner's weekly sweep) and a bookmark marking that
/// sweep as expected. Its own random stream, so the other files do not change.
/// </summary>
internal sealed class InvestigationContextGenerator
{
    private const string Aatp = "Azure Advanced Threat Protection";
    private const string IdentityProtection = "Azure Active Directory Identity Protection";
    private const string Mcas = "Microsoft Cloud App Security";
    private const string Mdatp = "Microsoft Defender Advanced Threat Protection";

    /// <summary>Alerts for planted anomalies, by label kind: name, severity, provider, tactic, description.</summary>
    private static readonly Dictionary<
        string,
        (string Name, string Severity, string Provider, string Tactic, string Description)
    > PlantedAlerts = new()
    {
        ["FailedLogonBurst"] = (
            "Suspected brute-force attack (Kerberos, NTLM)",
            "Medium",
            Aatp,
            "CredentialAccess",
            "Many failed NTLM authentications against one account from many workstations."
        ),
        ["ManyComputers"] = (
            "Suspected identity theft (pass-the-hash)",
            "High",
            Aatp,
            "LateralMovement",
            "The account authenticated with NTLM to many computers it never used before, from one workstation."
        ),
        ["InboxForwardingRule"] = (
            "Suspicious inbox forwarding rule",
            "Medium",
            Mcas,
            "Exfiltration",
            "An inbox rule forwards mail to an external address; created from an unfamiliar address at night."
        ),
        ["UnfamiliarIpRange"] = (
            "Unfamiliar sign-in properties",
            "Medium",
            IdentityProtection,
            "InitialAccess",
            "Sign-in from an address range and country not seen for this user."
        ),
        ["EncodedPowerShell"] = (
            "Suspicious PowerShell command line",
            "High",
            Mdatp,
            "Execution",
            "A hidden, non-interactive PowerShell ran a base64-encoded command started from cmd.exe."
        ),
    };

    private static readonly (
        string Name,
        string Severity,
        string Provider,
        string Tactic,
        string Description
    )[] RoutineAlerts =
    [
        (
            "Unfamiliar sign-in properties",
            "Low",
            IdentityProtection,
            "InitialAccess",
            "Sign-in from a new mobile carrier address; the user confirmed it."
        ),
        (
            "Atypical travel",
            "Medium",
            IdentityProtection,
            "InitialAccess",
            "Sign-ins from two countries in a short time; a VPN exit node."
        ),
        (
            "'Wacatac' malware was prevented",
            "Informational",
            Mdatp,
            "Execution",
            "A downloaded installer was quarantined before it ran."
        ),
        (
            "Mass download by a single user",
            "Low",
            Mcas,
            "Collection",
            "Many files downloaded from a department share in one session."
        ),
    ];

    private readonly DemoOrganization _organization;
    private readonly DemoClock _clock;
    private readonly DeterministicRandom _random;
    private readonly List<SecurityAlert> _alerts = [];
    private readonly List<HuntingBookmark> _bookmarks = [];

    public InvestigationContextGenerator(DemoOrganization organization, DemoDataOptions options)
    {
        _organization = organization;
        _clock = new DemoClock(options.Start);
        _random = new DeterministicRandom(options.Seed, stream: 11);
        var labels = new LogonGenerator(organization, options)
            .Labels.Concat(
                new ExchangeAdminGenerator(organization, options).Labels.Where(label =>
                    label.Kind == "InboxForwardingRule"
                )
            )
            .Concat(new SignInGenerator(organization, options).Labels(DataSets.SignIns))
            .Concat(
                new ProcessCreationGenerator(organization, options).Labels.Where(label =>
                    PlantedAlerts.ContainsKey(label.Kind)
                )
            )
            .ToList();
        foreach (var label in labels)
        {
            AddPlanted(label);
        }
        AddRoutine();
    }

    /// <summary>The alert rows, oldest first.</summary>
    public IReadOnlyList<SecurityAlert> Alerts =>
        _alerts
            .OrderBy(alert => alert.TimeGenerated)
            .ThenBy(alert => alert.SystemAlertId, StringComparer.Ordinal)
            .ToList();

    /// <summary>The bookmark rows, oldest first.</summary>
    public IReadOnlyList<HuntingBookmark> Bookmarks => _bookmarks.OrderBy(bookmark => bookmark.TimeGenerated).ToList();

    private void AddPlanted(AnomalyLabel label)
    {
        var account = AccountOf(label.Entity);
        var spec = PlantedAlerts[label.Kind];
        var time = DemoClock.Within(_random, label.WindowStart.AddMinutes(40), TimeSpan.FromMinutes(15));
        _alerts.Add(
            Alert(time, spec, account, label.DataSet == DataSets.ProcessCreation.Name ? label.Entity : account, "New")
        );
        var (name, tags, notes) = label.Kind switch
        {
            "FailedLogonBurst" => (
                $"{Name(account)}: bad-password failures from many workstations",
                "password-spray,service-account",
                "NTLM 4625 burst outside the APP01 schedule. Ask the database team whether the password changed; "
                    + "check the sources."
            ),
            "ManyComputers" => (
                $"{Name(account)}: NTLM logons to colleagues' workstations",
                "lateral-movement",
                "One workstation reaching about 30 hosts in 80 minutes. Look for credential tooling on the source host."
            ),
            "InboxForwardingRule" => (
                $"{Name(account)}: inbox rule forwarding invoices outside",
                "bec,exfiltration",
                "Rule created from an unfamiliar address at night; the user did not create it."
            ),
            _ => (null, null, null),
        };
        if (name is not null)
        {
            _bookmarks.Add(
                Bookmark(
                    time.AddHours(6).AddMinutes(_random.Next(60)),
                    name,
                    label.WindowStart.AddMinutes(10),
                    tags!,
                    notes!,
                    account
                )
            );
        }
    }

    private void AddRoutine()
    {
        var people = _organization.Users;
        for (var index = 0; index < people.Count / 5; index++)
        {
            var spec = _random.Pick(RoutineAlerts);
            var account = DemoOrganization.Account(_random.Pick(people).Name);
            var time = DemoClock.WorkTime(_random, _clock.Day(_random.Next(ExchangeAdminGenerator.Days)));
            _alerts.Add(Alert(time, spec, account, account, _random.Chance(0.5) ? "Resolved" : "Dismissed"));
        }
        var scanner = DemoOrganization.Account("svc-scan");
        var sweep = (
            "Network-mapping reconnaissance (DNS)",
            "Low",
            Aatp,
            "Discovery",
            "One account queried or reached many hosts in a short time."
        );
        var firstSunday = -1;
        for (var dayIndex = 0; dayIndex < LogonGenerator.Days; dayIndex++)
        {
            if (_clock.Day(dayIndex).DayOfWeek == DayOfWeek.Sunday)
            {
                firstSunday = firstSunday < 0 ? dayIndex : firstSunday;
                _alerts.Add(
                    Alert(
                        DemoClock.Within(_random, _clock.Day(dayIndex).AddHours(23), TimeSpan.FromMinutes(50)),
                        sweep,
                        scanner,
                        scanner,
                        "Dismissed"
                    )
                );
            }
        }
        if (firstSunday >= 0)
        {
            _bookmarks.Add(
                Bookmark(
                    _clock.Day(firstSunday + 1).AddHours(9).AddMinutes(_random.Next(60)),
                    "svc-scan weekly sweep",
                    _clock.Day(firstSunday).AddHours(23),
                    "benign,scanner",
                    "Vulnerability scan of every host on Sunday nights: expected.",
                    scanner
                )
            );
        }
    }

    private SecurityAlert Alert(
        DateTimeOffset time,
        (string Name, string Severity, string Provider, string Tactic, string Description) spec,
        string account,
        string compromisedEntity,
        string status
    ) =>
        new()
        {
            TimeGenerated = time,
            SystemAlertId = _random.NextGuid().ToString("D"),
            AlertName = spec.Name,
            AlertSeverity = spec.Severity,
            ProviderName = spec.Provider,
            Status = status,
            Tactics = spec.Tactic,
            CompromisedEntity = compromisedEntity,
            Description = spec.Description,
            Account = account,
        };

    private HuntingBookmark Bookmark(
        DateTimeOffset time,
        string name,
        DateTimeOffset eventTime,
        string tags,
        string notes,
        string account
    ) =>
        new()
        {
            TimeGenerated = time,
            BookmarkId = _random.NextGuid().ToString("D"),
            BookmarkName = name,
            EventTime = eventTime,
            Tags = tags,
            Notes = notes,
            Account = account,
        };

    /// <summary>The account of a label's entity: an account as is, a mail address or a person's workstation as the
    /// person's <c>DOMAIN\name</c>.</summary>
    private string AccountOf(string entity)
    {
        if (entity.Contains('\\', StringComparison.Ordinal))
        {
            return entity;
        }
        var user = _organization.Users.First(user =>
            string.Equals(DemoOrganization.Upn(user.Name), entity, StringComparison.OrdinalIgnoreCase)
            || string.Equals(DemoOrganization.Fqdn(user.Workstation.Name), entity, StringComparison.OrdinalIgnoreCase)
        );
        return DemoOrganization.Account(user.Name);
    }

    private static string Name(string account) => account[(account.IndexOf('\\', StringComparison.Ordinal) + 1)..];
}
