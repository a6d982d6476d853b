using System.Globalization;
using SecurityML.Numerics;

namespace SecurityML.Data;

/// <summary>
/// The fictitious organisation behind every demo data set: departments with shares, people with workstations and
/// home networks, servers and service accounts. Built from the seed, so every generator sees the same people.
/// </summary>
internal sealed class DemoOrganization
{
    public const string Domain = "CONTOSO";
    public const string DnsSuffix = "contoso.local";
    public const string MailDomain = "contoso.com";
    public const int PeoplePerDepartment = 10;

    public static readonly IReadOnlyList<string> CommonShares = ["Public", "Templates"];

    public static readonly IReadOnlyList<DemoHost> Servers =
    [
        new("DC01", "10.0.0.10"),
        new("DC02", "10.0.0.11"),
        new("FS01", "10.0.1.20"),
        new("FS02", "10.0.1.21"),
        new("EXCH01", "10.0.2.30"),
        new("SQL01", "10.0.3.40"),
        new("APP01", "10.0.3.41"),
        new("WEB01", "10.0.4.50"),
        new("BKP01", "10.0.5.60"),
        new("MON01", "10.0.5.61"),
    ];

    public static readonly IReadOnlyList<DemoCity> Cities =
    [
        new("US", "203.0.113", "73.97", "172.56"),
        new("US", "203.0.113", "71.232", "172.58"),
        new("GB", "198.51.100", "86.160", "82.132"),
    ];

    private static readonly IReadOnlyList<DemoDepartment> DepartmentList =
    [
        new(
            "Finance",
            "FIN",
            ["Finance", "Finance-Reports"],
            "FS01",
            ["Accountant", "Financial Analyst", "Controller"]
        ),
        new("HR", "HR", ["HR", "HR-Records"], "FS01", ["HR Specialist", "Recruiter", "Payroll Officer"]),
        new("Legal", "LEG", ["Legal", "Legal-Cases"], "FS01", ["Paralegal", "Counsel", "Contracts Manager"]),
        new(
            "Engineering",
            "ENG",
            ["Engineering", "Builds"],
            "FS02",
            ["Software Engineer", "Test Engineer", "Architect"]
        ),
        new(
            "Sales",
            "SAL",
            ["Sales", "Sales-Contracts"],
            "FS02",
            ["Account Executive", "Sales Representative", "Sales Engineer"]
        ),
        new(
            "IT",
            "IT",
            ["IT", "IT-Software"],
            "FS02",
            ["Systems Administrator", "Help Desk Technician", "Network Engineer"]
        ),
    ];

    private static readonly string[] FirstNames =
    [
        "anna",
        "ben",
        "carla",
        "david",
        "elena",
        "felix",
        "grace",
        "hugo",
        "irene",
        "jonas",
        "karin",
        "liam",
        "maya",
        "noah",
        "olivia",
        "paul",
        "quinn",
        "rosa",
        "sam",
        "tara",
        "umar",
        "vera",
        "will",
        "xenia",
        "yusuf",
        "zoe",
        "adam",
        "bella",
        "chris",
        "diana",
        "eric",
        "fiona",
        "george",
        "hanna",
        "ivan",
        "julia",
        "kevin",
        "lena",
    ];

    private static readonly string[] LastNames =
    [
        "berg",
        "cole",
        "diaz",
        "evans",
        "fischer",
        "garcia",
        "hall",
        "ito",
        "jensen",
        "khan",
        "lopez",
        "meyer",
        "novak",
        "olsen",
        "patel",
        "quist",
        "ross",
        "silva",
        "tanaka",
        "ueda",
        "vogel",
        "walsh",
        "young",
        "zimmer",
        "adams",
        "brooks",
        "chen",
        "dubois",
        "ek",
        "ford",
        "gray",
        "holm",
        "ivanova",
        "jones",
        "kim",
        "lund",
    ];

    public DemoOrganization(DemoDataOptions options)
    {
        var random = new DeterministicRandom(options.Seed, stream: 1);
        Departments = DepartmentList;
        Users = CreateUsers(random, options.Scale);
        ServiceAccounts =
        [
            new("svc-backup", "Backup service", Server("BKP01"), "Backup Operators"),
            new("svc-sql", "SQL Server service", Server("APP01"), ""),
            new("svc-web", "Web application pool", Server("WEB01"), ""),
            new("svc-monitor", "Monitoring agent", Server("MON01"), ""),
            new("svc-scan", "Vulnerability scanner", Server("MON01"), "Domain Admins"),
        ];
    }

    public IReadOnlyList<DemoDepartment> Departments { get; }

    public IReadOnlyList<DemoUser> Users { get; }

    public IReadOnlyList<DemoServiceAccount> ServiceAccounts { get; }

    /// <summary>People in the Exchange Organization Management group: the Exchange admins.</summary>
    public IReadOnlyList<DemoUser> ExchangeAdmins =>
        Users
            .Where(user => user.PrivilegedGroups.Contains("Exchange Organization Management", StringComparison.Ordinal))
            .ToList();

    public static string Account(string name) => Domain + "\\" + name;

    public static string Upn(string name) => name + "@" + MailDomain;

    public static string Fqdn(string host) => host + "." + DnsSuffix;

    public static DemoHost Server(string name) => Servers.First(server => server.Name == name);

    public DemoServiceAccount Service(string name) => ServiceAccounts.First(account => account.Name == name);

    /// <summary>The <paramref name="index"/>-th person (wrapping) of a department.</summary>
    public DemoUser Person(string department, int index)
    {
        var members = Users.Where(user => user.Department.Name == department).ToList();
        return members[index % members.Count];
    }

    private static List<DemoUser> CreateUsers(DeterministicRandom random, int scale)
    {
        var users = new List<DemoUser>();
        var taken = new HashSet<string>(StringComparer.Ordinal);
        for (var departmentIndex = 0; departmentIndex < DepartmentList.Count; departmentIndex++)
        {
            var department = DepartmentList[departmentIndex];
            string? head = null;
            for (var index = 0; index < PeoplePerDepartment * scale; index++)
            {
                var name = UniqueName(random, taken);
                var user = CreateUser(random, department, departmentIndex, index, name, head);
                head ??= user.Name;
                users.Add(user);
            }
        }
        return users;
    }

    private static DemoUser CreateUser(
        DeterministicRandom random,
        DemoDepartment department,
        int departmentIndex,
        int index,
        string name,
        string? head
    )
    {
        var number = (index + 1).ToString("000", CultureInfo.InvariantCulture);
        var workstation = new DemoHost(
            $"WS-{department.Code}-{number}",
            $"10.{10 + departmentIndex}.{index / 200}.{20 + index % 200}"
        );
        var city = random.PickWeighted(Cities, [5, 3, 2]);
        var homeNetwork = $"{city.HomeNetwork}.{random.Next(256)}";
        var title = head is null ? "Head of " + department.Name : random.Pick(department.Titles);
        var displayName = string.Join(' ', name.Split('.').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));
        return new DemoUser(
            name,
            displayName,
            department,
            title,
            head is null ? "" : Account(head),
            PrivilegedGroupsOf(department.Name, index),
            workstation,
            city,
            homeNetwork,
            random.NextGuid(),
            random.NextGuid()
        );
    }

    private static string PrivilegedGroupsOf(string department, int index) =>
        (department, index) switch
        {
            ("IT", 0) => "Domain Admins;Exchange Organization Management",
            ("IT", 1 or 2) => "Exchange Organization Management",
            ("IT", 3) => "Domain Admins",
            ("IT", 4) => "Account Operators",
            _ => "",
        };

    private static string UniqueName(DeterministicRandom random, HashSet<string> taken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var name = random.Pick(FirstNames) + "." + random.Pick(LastNames);
            if (attempt >= 20)
            {
                name += (attempt - 18).ToString(CultureInfo.InvariantCulture);
            }
            if (taken.Add(name))
            {
                return name;
            }
        }
    }
}
