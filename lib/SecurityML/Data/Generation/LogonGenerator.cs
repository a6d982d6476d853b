using SecurityML.Numerics;

namespace SecurityML.Data;

/// <summary>
/// Generates network logons (4624/4625, LogonType 3) for 21 days: people log on to their usual servers on working
/// days, service accounts on their schedules, a scanner sweeps every host on Sunday nights. Planted: a burst of
/// failed logons to <c>svc-sql</c> from many hosts, and a Finance user reaching 30 computers in an afternoon.
/// </summary>
internal sealed class LogonGenerator
{
    public const int Days = 21;
    private const int BurstDay = 13;
    private const int LateralDay = 16;
    private const int LateralTargetCount = 30;

    private readonly DemoOrganization _organization;
    private readonly DemoClock _clock;
    private readonly DeterministicRandom _random;
    private readonly DemoUser _lateralUser;

    public LogonGenerator(DemoOrganization organization, DemoDataOptions options)
    {
        _organization = organization;
        _clock = new DemoClock(options.Start);
        _random = new DeterministicRandom(options.Seed, stream: 3);
        _lateralUser = organization.Person("Finance", 3);
    }

    public IReadOnlyList<AnomalyLabel> Labels =>
        [
            DemoClock.Label(
                DataSets.Logons,
                DemoOrganization.Account("svc-sql"),
                BurstStart,
                BurstStart.AddMinutes(40),
                "FailedLogonBurst",
                "Service account svc-sql fails to log on (4625, bad password, NTLM) from 25 workstations within 40 "
                    + "minutes at night."
            ),
            DemoClock.Label(
                DataSets.Logons,
                DemoOrganization.Account(_lateralUser.Name),
                LateralStart,
                LateralStart.AddMinutes(80),
                "ManyComputers",
                $"{_lateralUser.Name} ({_lateralUser.Department.Name}) logs on with NTLM to {LateralTargetCount} "
                    + $"distinct computers, other people's workstations and servers, in 80 minutes."
            ),
        ];

    private DateTimeOffset BurstStart => _clock.Day(BurstDay).AddHours(3).AddMinutes(10);

    private DateTimeOffset LateralStart => _clock.Day(LateralDay).AddHours(14).AddMinutes(5);

    public IEnumerable<LogonEvent> Generate()
    {
        for (var dayIndex = 0; dayIndex < Days; dayIndex++)
        {
            var day = _clock.Day(dayIndex);
            var rows = new List<LogonEvent>();
            AddPeople(rows, day);
            AddServices(rows, day);
            if (day.DayOfWeek == DayOfWeek.Sunday)
            {
                AddScannerSweep(rows, day);
            }
            if (dayIndex == BurstDay)
            {
                AddFailedBurst(rows);
            }
            if (dayIndex == LateralDay)
            {
                AddLateralMovement(rows);
            }
            foreach (var row in rows.OrderBy(row => row.TimeGenerated))
            {
                yield return row;
            }
        }
    }

    private void AddPeople(List<LogonEvent> rows, DateTimeOffset day)
    {
        foreach (var user in _organization.Users)
        {
            if (DemoClock.IsWeekend(day) && !_random.Chance(0.05))
            {
                continue;
            }
            var usual = UsualServers(user);
            var count = _random.Next(3, 9);
            for (var index = 0; index < count; index++)
            {
                var time = DemoClock.WorkTime(_random, day);
                var server = _random.Pick(usual);
                if (_random.Chance(0.03))
                {
                    rows.Add(Failure(time.AddSeconds(-20), user.Name, server, user.Workstation, "0xc000006a"));
                }
                rows.Add(Success(time, user.Name, server, user.Workstation, _random.Chance(0.85)));
            }
        }
    }

    private static List<string> UsualServers(DemoUser user)
    {
        var servers = new List<string> { "DC01", "DC02", user.Department.FileServer, "EXCH01" };
        servers.AddRange(
            user.Department.Name switch
            {
                "Finance" or "Sales" => ["APP01"],
                "Engineering" => ["WEB01", "SQL01"],
                "IT" => ["APP01", "SQL01", "WEB01", "BKP01", "MON01"],
                _ => [],
            }
        );
        return servers;
    }

    private void AddServices(List<LogonEvent> rows, DateTimeOffset day)
    {
        foreach (var server in DemoOrganization.Servers.Where(server => server.Name != "BKP01"))
        {
            rows.Add(
                Success(
                    DemoClock.Within(_random, day.AddHours(1), TimeSpan.FromHours(2)),
                    "svc-backup",
                    server.Name,
                    DemoOrganization.Server("BKP01"),
                    kerberos: true
                )
            );
        }
        for (var hour = 0; hour < 24; hour++)
        {
            rows.Add(
                Success(
                    DemoClock.Within(_random, day.AddHours(hour), TimeSpan.FromHours(1)),
                    "svc-sql",
                    "SQL01",
                    DemoOrganization.Server("APP01"),
                    kerberos: true
                )
            );
            if (hour % 2 == 0)
            {
                var time = DemoClock.Within(_random, day.AddHours(hour), TimeSpan.FromHours(1));
                rows.Add(
                    _random.Chance(0.02)
                        ? Failure(time, "svc-web", "APP01", DemoOrganization.Server("WEB01"), "0xc0000234")
                        : Success(time, "svc-web", "APP01", DemoOrganization.Server("WEB01"), kerberos: false)
                );
            }
        }
        foreach (var server in DemoOrganization.Servers.Where(server => server.Name != "MON01"))
        {
            foreach (var hour in new[] { 6, 18 })
            {
                rows.Add(
                    Success(
                        DemoClock.Within(_random, day.AddHours(hour), TimeSpan.FromMinutes(10)),
                        "svc-monitor",
                        server.Name,
                        DemoOrganization.Server("MON01"),
                        kerberos: true
                    )
                );
            }
        }
    }

    private void AddScannerSweep(List<LogonEvent> rows, DateTimeOffset day)
    {
        var targets = DemoOrganization
            .Servers.Select(server => server.Name)
            .Concat(_organization.Users.Select(user => user.Workstation.Name));
        foreach (var target in targets)
        {
            var time = DemoClock.Within(_random, day.AddHours(22), TimeSpan.FromHours(2));
            rows.Add(Success(time, "svc-scan", target, DemoOrganization.Server("MON01"), kerberos: false));
        }
    }

    private void AddFailedBurst(List<LogonEvent> rows)
    {
        var sources = _organization
            .Users.Select(user => user.Workstation)
            .OrderBy(_ => _random.NextUInt64())
            .Take(25)
            .ToList();
        foreach (var source in sources)
        {
            var attempts = _random.Next(3, 7);
            for (var attempt = 0; attempt < attempts; attempt++)
            {
                var time = DemoClock.Within(_random, BurstStart, TimeSpan.FromMinutes(40));
                rows.Add(Failure(time, "svc-sql", _random.Chance(0.7) ? "SQL01" : "DC01", source, "0xc000006a"));
            }
        }
    }

    private void AddLateralMovement(List<LogonEvent> rows)
    {
        var targets = DemoOrganization
            .Servers.Select(server => server.Name)
            .Take(8)
            .Concat(
                _organization
                    .Users.Where(user => user != _lateralUser)
                    .OrderBy(_ => _random.NextUInt64())
                    .Take(LateralTargetCount - 8)
                    .Select(user => user.Workstation.Name)
            )
            .ToList();
        foreach (var target in targets)
        {
            var time = DemoClock.Within(_random, LateralStart, TimeSpan.FromMinutes(80));
            rows.Add(Success(time, _lateralUser.Name, target, _lateralUser.Workstation, kerberos: false));
        }
    }

    private LogonEvent Success(DateTimeOffset time, string user, string computer, DemoHost source, bool kerberos) =>
        Logon(time, 4624, user, computer, source) with
        {
            TargetLogonId = _random.NextHexId(0x100000, 0x7fffffff),
            LogonProcessName = kerberos ? "Kerberos" : "NtLmSsp",
            AuthenticationPackageName = kerberos ? "Kerberos" : "NTLM",
            Status = "0x0",
            SubStatus = "0x0",
        };

    private static LogonEvent Failure(
        DateTimeOffset time,
        string user,
        string computer,
        DemoHost source,
        string subStatus
    ) =>
        Logon(time, 4625, user, computer, source) with
        {
            TargetLogonId = "0x0",
            LogonProcessName = "NtLmSsp",
            AuthenticationPackageName = "NTLM",
            Status = subStatus == "0xc0000234" ? "0xc0000234" : "0xc000006d",
            SubStatus = subStatus,
        };

    private static LogonEvent Logon(DateTimeOffset time, int eventId, string user, string computer, DemoHost source) =>
        new()
        {
            TimeGenerated = time,
            EventID = eventId,
            Activity =
                eventId == 4624
                    ? "4624 - An account was successfully logged on."
                    : "4625 - An account failed to log on.",
            Computer = DemoOrganization.Fqdn(computer),
            Account = DemoOrganization.Account(user),
            AccountType = "User",
            TargetUserName = user,
            TargetDomainName = DemoOrganization.Domain,
            LogonType = 3,
            WorkstationName = source.Name,
            IpAddress = source.IpAddress,
        };
}
