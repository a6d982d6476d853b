using SecurityML.Numerics;

namespace SecurityML.Data;

/// <summary>
/// Generates network share accesses (5140) for 30 days: people open their department's shares, the common shares,
/// and SYSVOL/NETLOGON on a domain controller each morning. Planted: three people reaching other departments' shares.
/// </summary>
internal sealed class FileShareGenerator
{
    public const int Days = 30;

    private readonly DemoOrganization _organization;
    private readonly DemoClock _clock;
    private readonly DeterministicRandom _random;
    private readonly List<Planted> _planted;

    private sealed record Planted(
        DemoUser User,
        DateTimeOffset Start,
        TimeSpan Length,
        IReadOnlyList<string> Shares,
        int Count,
        string Kind,
        string Description
    );

    public FileShareGenerator(DemoOrganization organization, DemoDataOptions options)
    {
        _organization = organization;
        _clock = new DemoClock(options.Start);
        _random = new DeterministicRandom(options.Seed, stream: 2);
        var seller = organization.Person("Sales", 4);
        var engineer = organization.Person("Engineering", 6);
        var recruiter = organization.Person("HR", 2);
        var everyShare = organization.Departments.SelectMany(department => department.Shares).ToList();
        _planted =
        [
            new(
                seller,
                _clock.Day(17).AddHours(10),
                TimeSpan.FromMinutes(55),
                ["Finance", "Finance-Reports", "HR-Records"],
                9,
                "CrossDepartmentShareAccess",
                $"{seller.Name} (Sales) opens Finance and HR shares never used by Sales."
            ),
            new(
                engineer,
                _clock.Day(22).AddHours(15),
                TimeSpan.FromMinutes(90),
                ["Legal-Cases", "Finance-Reports"],
                6,
                "CrossDepartmentShareAccess",
                $"{engineer.Name} (Engineering) opens Legal and Finance shares."
            ),
            new(
                recruiter,
                _clock.Day(25).AddHours(2),
                TimeSpan.FromMinutes(20),
                everyShare,
                everyShare.Count,
                "ShareSweep",
                $"{recruiter.Name} (HR) opens every department's shares within 20 minutes at night."
            ),
        ];
    }

    public IReadOnlyList<AnomalyLabel> Labels =>
        _planted
            .Select(planted =>
                DemoClock.Label(
                    DataSets.FileShareAccess,
                    DemoOrganization.Account(planted.User.Name),
                    planted.Start,
                    planted.Start + planted.Length,
                    planted.Kind,
                    planted.Description
                )
            )
            .ToList();

    public IEnumerable<FileShareAccessEvent> Generate()
    {
        for (var dayIndex = 0; dayIndex < Days; dayIndex++)
        {
            var day = _clock.Day(dayIndex);
            var rows = new List<FileShareAccessEvent>();
            foreach (var user in _organization.Users)
            {
                AddDay(rows, user, day);
            }
            foreach (var planted in _planted.Where(planted => planted.Start.Date == day.Date))
            {
                AddPlanted(rows, planted);
            }
            foreach (var row in rows.OrderBy(row => row.TimeGenerated))
            {
                yield return row;
            }
        }
    }

    private void AddDay(List<FileShareAccessEvent> rows, DemoUser user, DateTimeOffset day)
    {
        var weekend = DemoClock.IsWeekend(day);
        if (weekend && !_random.Chance(0.1))
        {
            return;
        }
        var logonId = _random.NextHexId(0x100000, 0x7fffffff);
        if (!weekend)
        {
            var controller = _random.Chance(0.5) ? "DC01" : "DC02";
            var morning = DemoClock.Within(_random, day.AddHours(7), TimeSpan.FromHours(2));
            rows.Add(Access(morning, user, controller, "SYSVOL", @"C:\Windows\SYSVOL\sysvol", logonId));
            rows.Add(
                Access(
                    morning.AddSeconds(1),
                    user,
                    controller,
                    "NETLOGON",
                    @"C:\Windows\SYSVOL\sysvol\contoso.local\SCRIPTS",
                    logonId
                )
            );
        }
        var count = weekend ? _random.Next(1, 3) : _random.Next(2, 9);
        for (var index = 0; index < count; index++)
        {
            var own = _random.Chance(0.75);
            var share = own ? _random.Pick(user.Department.Shares) : _random.Pick(DemoOrganization.CommonShares);
            var server = own ? user.Department.FileServer : "FS01";
            rows.Add(Access(DemoClock.WorkTime(_random, day), user, server, share, @"D:\Shares\" + share, logonId));
        }
    }

    private void AddPlanted(List<FileShareAccessEvent> rows, Planted planted)
    {
        var logonId = _random.NextHexId(0x100000, 0x7fffffff);
        for (var index = 0; index < planted.Count; index++)
        {
            var share = planted.Count == planted.Shares.Count ? planted.Shares[index] : _random.Pick(planted.Shares);
            var server = _organization.Departments.First(department => department.Shares.Contains(share)).FileServer;
            var time = DemoClock.Within(_random, planted.Start, planted.Length);
            rows.Add(Access(time, planted.User, server, share, @"D:\Shares\" + share, logonId));
        }
    }

    private FileShareAccessEvent Access(
        DateTimeOffset time,
        DemoUser user,
        string server,
        string share,
        string localPath,
        string logonId
    ) =>
        new()
        {
            TimeGenerated = time,
            EventID = 5140,
            Activity = "5140 - A network share object was accessed.",
            Computer = DemoOrganization.Fqdn(server),
            Account = DemoOrganization.Account(user.Name),
            SubjectUserName = user.Name,
            SubjectDomainName = DemoOrganization.Domain,
            SubjectLogonId = logonId,
            IpAddress = user.Workstation.IpAddress,
            IpPort = _random.Next(49152, 65536),
            ShareName = @"\\*\" + share,
            ShareLocalPath = localPath,
            AccessMask = "0x1",
        };
}
