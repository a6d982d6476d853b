using System.Globalization;
using System.Text;
using SecurityML.Numerics;

namespace SecurityML.Data;

/// <summary>
/// Generates process creations (4688) for 14 days on a few hosts: system services as the machine account (logon
/// 0x3e7), people's apps on their workstations, a billing service and a nightly backup copy on servers. Planted:
/// an encoded PowerShell session that creates and promotes a local account, and credential-dumping look-alikes
/// run by a web service account. The planted strings are harmless: the encoded command only prints a message.
/// </summary>
internal sealed class ProcessCreationGenerator
{
    public const int Days = 14;
    public const string EncodedCommandText = "Write-Output 'SecurityML demo: this encoded command is harmless'";
    private const string SystemLogonId = "0x3e7";

    private readonly DemoClock _clock;
    private readonly DeterministicRandom _random;
    private readonly List<(DemoHost Host, DemoUser? User)> _hosts;
    private readonly DemoUser _victim;

    public ProcessCreationGenerator(DemoOrganization organization, DemoDataOptions options)
    {
        _clock = new DemoClock(options.Start);
        _random = new DeterministicRandom(options.Seed, stream: 5);
        _hosts = [];
        for (var index = 0; index < options.Scale; index++)
        {
            var finance = organization.Person("Finance", 1 + index);
            var engineer = organization.Person("Engineering", 1 + index);
            _hosts.Add((finance.Workstation, finance));
            _hosts.Add((engineer.Workstation, engineer));
        }
        _hosts.Add((DemoOrganization.Server("APP01"), null));
        _hosts.Add((DemoOrganization.Server("FS01"), null));
        _victim = _hosts[0].User!;
    }

    private DateTimeOffset EncodedStart => _clock.Day(9).AddHours(21).AddMinutes(14);

    private DateTimeOffset DumpStart => _clock.Day(11).AddHours(2).AddMinutes(40);

    public IReadOnlyList<AnomalyLabel> Labels =>
        [
            DemoClock.Label(
                DataSets.ProcessCreation,
                DemoOrganization.Fqdn(_victim.Workstation.Name),
                EncodedStart,
                EncodedStart.AddMinutes(6),
                "EncodedPowerShell",
                $"{_victim.Name} runs powershell.exe -NoP -NonI -W Hidden -Enc with a base64 command from cmd.exe "
                    + $"in the evening."
            ),
            DemoClock.Label(
                DataSets.ProcessCreation,
                DemoOrganization.Fqdn(_victim.Workstation.Name),
                EncodedStart,
                EncodedStart.AddMinutes(6),
                "AccountCreation",
                "The same session runs whoami /all, net user support_adm ... /add and net localgroup "
                    + "administrators support_adm /add."
            ),
            DemoClock.Label(
                DataSets.ProcessCreation,
                DemoOrganization.Fqdn("APP01"),
                DumpStart,
                DumpStart.AddMinutes(5),
                "CredentialDumpingLookAlike",
                "svc-web (parent w3wp.exe) runs a procdump-like lsass dump and reg save of SAM and SYSTEM to "
                    + "C:\\Windows\\Temp."
            ),
        ];

    public IEnumerable<ProcessCreationEvent> Generate()
    {
        for (var dayIndex = 0; dayIndex < Days; dayIndex++)
        {
            var day = _clock.Day(dayIndex);
            var rows = new List<ProcessCreationEvent>();
            foreach (var (host, user) in _hosts)
            {
                AddSystem(rows, host, day);
                if (user is not null && !DemoClock.IsWeekend(day))
                {
                    AddUser(rows, host, user, day);
                }
                if (user is null)
                {
                    AddServer(rows, host, day);
                }
            }
            if (dayIndex == 9)
            {
                AddEncodedSession(rows);
            }
            if (dayIndex == 11)
            {
                AddDumpSession(rows);
            }
            foreach (var row in rows.OrderBy(row => row.TimeGenerated))
            {
                yield return row;
            }
        }
    }

    private void AddSystem(List<ProcessCreationEvent> rows, DemoHost host, DateTimeOffset day)
    {
        var count = _random.Next(20, 36);
        var weights = ProcessTemplates.System.Select(template => template.Weight).ToList();
        for (var index = 0; index < count; index++)
        {
            var template = _random.PickWeighted(ProcessTemplates.System, weights);
            var time = DemoClock.Within(_random, day, TimeSpan.FromDays(1));
            var image = ProcessTemplates.Fill(template.Image, host.Name, _random);
            rows.Add(
                Process(
                    time,
                    host,
                    host.Name + "$",
                    SystemLogonId,
                    image,
                    template.Parent,
                    template.CommandLine(_random, host.Name, image)
                )
            );
        }
    }

    private void AddUser(List<ProcessCreationEvent> rows, DemoHost host, DemoUser user, DateTimeOffset day)
    {
        var logonId = _random.NextHexId(0x100000, 0x7fffffff);
        var start = DemoClock.Within(_random, day.AddHours(7), TimeSpan.FromHours(2));
        rows.Add(
            Process(
                start,
                host,
                user.Name,
                logonId,
                @"C:\Windows\explorer.exe",
                @"C:\Windows\System32\userinit.exe",
                @"C:\Windows\Explorer.EXE"
            )
        );
        var weights = ProcessTemplates.User.Select(template => template.Weight).ToList();
        var count = _random.Next(15, 30);
        for (var index = 0; index < count; index++)
        {
            var template = _random.PickWeighted(ProcessTemplates.User, weights);
            var time = DemoClock.WorkTime(_random, day);
            time = time < start ? start.AddMinutes(_random.Next(1, 30)) : time;
            var image = ProcessTemplates.Fill(template.Image, user.Name, _random);
            var parent = ProcessTemplates.Fill(template.Parent, user.Name, _random);
            rows.Add(
                Process(time, host, user.Name, logonId, image, parent, template.CommandLine(_random, user.Name, image))
            );
        }
    }

    private void AddServer(List<ProcessCreationEvent> rows, DemoHost host, DateTimeOffset day)
    {
        var logonId = _random.NextHexId(0x100000, 0x7fffffff);
        if (host.Name == "FS01")
        {
            var time = DemoClock.Within(_random, day.AddHours(1), TimeSpan.FromHours(1));
            var date = day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            rows.Add(
                Process(
                    time,
                    host,
                    "svc-backup",
                    logonId,
                    @"C:\Windows\System32\Robocopy.exe",
                    @"C:\Windows\System32\cmd.exe",
                    $@"""C:\Windows\system32\Robocopy.exe"" D:\Shares \\BKP01\Backup\FS01 /MIR /R:1 /W:1 "
                        + $@"/LOG:C:\Logs\robocopy-{date}.log"
                )
            );
            return;
        }
        for (var worker = 0; worker < 6; worker++)
        {
            var time = DemoClock.Within(_random, day.AddHours(4 * worker), TimeSpan.FromHours(4));
            rows.Add(
                Process(
                    time,
                    host,
                    "svc-web",
                    logonId,
                    @"D:\Apps\Billing\BillingService.exe",
                    @"C:\Windows\System32\services.exe",
                    $@"""D:\Apps\Billing\BillingService.exe"" --worker {_random.Next(1, 9)} --config "
                        + $@"""D:\Apps\Billing\billing.json"""
                )
            );
        }
    }

    private void AddEncodedSession(List<ProcessCreationEvent> rows)
    {
        var host = _victim.Workstation;
        var logonId = _random.NextHexId(0x100000, 0x7fffffff);
        var encoded = Convert.ToBase64String(Encoding.Unicode.GetBytes(EncodedCommandText));
        const string powershell = @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe";
        const string net = @"C:\Windows\System32\net.exe";
        var steps = new (string Image, string Parent, string CommandLine)[]
        {
            (@"C:\Windows\System32\cmd.exe", @"C:\Windows\explorer.exe", @"""C:\Windows\system32\cmd.exe"""),
            (powershell, @"C:\Windows\System32\cmd.exe", "powershell.exe -NoP -NonI -W Hidden -Enc " + encoded),
            (@"C:\Windows\System32\whoami.exe", powershell, @"""C:\Windows\system32\whoami.exe"" /all"),
            (net, powershell, @"""C:\Windows\system32\net.exe"" user support_adm DemoOnly-NotAPassword1 /add"),
            (
                @"C:\Windows\System32\net1.exe",
                net,
                @"C:\Windows\system32\net1 user support_adm DemoOnly-NotAPassword1 /add"
            ),
            (net, powershell, @"""C:\Windows\system32\net.exe"" localgroup administrators support_adm /add"),
            (
                @"C:\Windows\System32\net1.exe",
                net,
                @"C:\Windows\system32\net1 localgroup administrators support_adm /add"
            ),
        };
        AddSteps(rows, host, _victim.Name, logonId, EncodedStart, steps);
    }

    private void AddDumpSession(List<ProcessCreationEvent> rows)
    {
        var host = DemoOrganization.Server("APP01");
        var logonId = _random.NextHexId(0x100000, 0x7fffffff);
        const string cmd = @"C:\Windows\System32\cmd.exe";
        var steps = new (string Image, string Parent, string CommandLine)[]
        {
            (
                cmd,
                @"C:\Windows\System32\inetsrv\w3wp.exe",
                @"cmd.exe /c ""C:\Users\Public\pd64.exe -accepteula -ma lsass.exe C:\Windows\Temp\lsass-demo.dmp"""
            ),
            (
                @"C:\Users\Public\pd64.exe",
                cmd,
                @"C:\Users\Public\pd64.exe -accepteula -ma lsass.exe C:\Windows\Temp\lsass-demo.dmp"
            ),
            (@"C:\Windows\System32\reg.exe", cmd, @"reg.exe save HKLM\SAM C:\Windows\Temp\sam-demo.save"),
            (@"C:\Windows\System32\reg.exe", cmd, @"reg.exe save HKLM\SYSTEM C:\Windows\Temp\system-demo.save"),
        };
        AddSteps(rows, host, "svc-web", logonId, DumpStart, steps);
    }

    private void AddSteps(
        List<ProcessCreationEvent> rows,
        DemoHost host,
        string user,
        string logonId,
        DateTimeOffset start,
        IEnumerable<(string Image, string Parent, string CommandLine)> steps
    )
    {
        var time = start;
        foreach (var step in steps)
        {
            rows.Add(Process(time, host, user, logonId, step.Image, step.Parent, step.CommandLine));
            time = time.AddMilliseconds(_random.Next(800, 40_000));
        }
    }

    private ProcessCreationEvent Process(
        DateTimeOffset time,
        DemoHost host,
        string user,
        string logonId,
        string image,
        string parent,
        string commandLine
    ) =>
        new()
        {
            TimeGenerated = time,
            EventID = 4688,
            Computer = DemoOrganization.Fqdn(host.Name),
            Account = DemoOrganization.Account(user),
            SubjectUserName = user,
            SubjectDomainName = DemoOrganization.Domain,
            SubjectLogonId = logonId,
            NewProcessId = "0x" + (_random.Next(0x40, 0x4000) * 4).ToString("x", CultureInfo.InvariantCulture),
            NewProcessName = image,
            ProcessId = "0x" + (_random.Next(0x40, 0x4000) * 4).ToString("x", CultureInfo.InvariantCulture),
            ParentProcessName = parent,
            CommandLine = commandLine,
            TokenElevationType = logonId == SystemLogonId ? "%%1936" : "%%1938",
        };
}
