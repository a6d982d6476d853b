using SecurityML.Numerics;

namespace SecurityML.Data;

/// <summary>
/// Generates sign-ins (user–IP pairs) for 30 days: people sign in from their office, from home (one ISP /24 per
/// person, the address changing within it now and then) or from their mobile carrier; a few travel for some days.
/// Planted: sign-ins from address ranges unrelated to the person, at night and from two far-apart countries.
/// </summary>
internal sealed class SignInGenerator
{
    public const int Days = 30;

    private static readonly IReadOnlyList<(string App, string Destination)> Apps =
    [
        ("Office 365 Exchange Online", "52.96.10.20"),
        ("Microsoft Teams", "52.112.30.40"),
        ("Office 365 SharePoint Online", "13.107.136.9"),
        ("Contoso VPN", "203.0.113.1"),
    ];

    private static readonly IReadOnlyList<(string Country, string Network)> TravelNetworks =
    [
        ("FR", "90.84"),
        ("DE", "84.150"),
        ("ES", "83.32"),
        ("JP", "126.75"),
    ];

    private readonly DemoOrganization _organization;
    private readonly DemoClock _clock;
    private readonly DeterministicRandom _random;
    private readonly Dictionary<DemoUser, int> _homeHost = [];
    private readonly Dictionary<DemoUser, (int FirstDay, int Days, string Country, string Network)> _trips = [];
    private readonly List<(
        DemoUser User,
        DateTimeOffset Start,
        (string Country, string Network)[] Sources,
        string Description
    )> _planted;

    public SignInGenerator(DemoOrganization organization, DemoDataOptions options)
    {
        _organization = organization;
        _clock = new DemoClock(options.Start);
        _random = new DeterministicRandom(options.Seed, stream: 7);
        foreach (var user in organization.Users)
        {
            _homeHost[user] = _random.Next(2, 254);
            if (_random.Chance(0.06))
            {
                var (country, network) = _random.Pick(TravelNetworks);
                _trips[user] = (_random.Next(3, Days - 6), _random.Next(3, 6), country, network);
            }
        }
        var lawyer = organization.Person("Legal", 1);
        var engineer = organization.Person("Engineering", 4);
        _planted =
        [
            (
                lawyer,
                _clock.Day(20).AddHours(3).AddMinutes(5),
                [("RO", "89.38.97"), ("RO", "89.38.97"), ("RO", "89.38.97")],
                $"{lawyer.Name} signs in three times at night from 89.38.97.0/24 (RO), far from home, office and "
                    + $"mobile ranges."
            ),
            (
                engineer,
                _clock.Day(26).AddHours(13),
                [("SG", "103.104.73"), ("NL", "45.137.21")],
                $"{engineer.Name} signs in from 103.104.73.0/24 (SG) and 45.137.21.0/24 (NL) within 40 minutes."
            ),
        ];
    }

    public IReadOnlyList<AnomalyLabel> Labels(DataSet dataSet) =>
        _planted
            .Select(planted =>
                DemoClock.Label(
                    dataSet,
                    DemoOrganization.Upn(planted.User.Name),
                    planted.Start,
                    planted.Start.AddMinutes(45),
                    "UnfamiliarIpRange",
                    planted.Description
                )
            )
            .ToList();

    public IEnumerable<GeneratedSignIn> Generate()
    {
        for (var dayIndex = 0; dayIndex < Days; dayIndex++)
        {
            var day = _clock.Day(dayIndex);
            var rows = new List<GeneratedSignIn>();
            foreach (var user in _organization.Users)
            {
                AddDay(rows, user, day, dayIndex);
            }
            foreach (var planted in _planted.Where(planted => planted.Start.Date == day.Date))
            {
                var time = planted.Start;
                foreach (var (country, network) in planted.Sources)
                {
                    time = time.AddMinutes(_random.Next(2, 15));
                    rows.Add(
                        SignIn(time, planted.User, $"{network}.{_random.Next(2, 250)}", country, _random.NextGuid())
                    );
                }
            }
            foreach (var row in rows.OrderBy(row => row.SignIn.TimeGenerated))
            {
                yield return row;
            }
        }
    }

    private void AddDay(List<GeneratedSignIn> rows, DemoUser user, DateTimeOffset day, int dayIndex)
    {
        var weekend = DemoClock.IsWeekend(day);
        var travelling =
            _trips.TryGetValue(user, out var trip) && dayIndex >= trip.FirstDay && dayIndex < trip.FirstDay + trip.Days;
        if (weekend && !travelling && !_random.Chance(0.25))
        {
            return;
        }
        if (_random.Chance(0.1))
        {
            _homeHost[user] = Math.Clamp(_homeHost[user] + _random.Next(-6, 7), 2, 253);
        }
        var count = weekend ? 1 : _random.Next(1, 4);
        for (var index = 0; index < count; index++)
        {
            var time = DemoClock.WorkTime(_random, day);
            var (ip, country, device) = travelling
                ? ($"{trip.Network}.{_random.Next(256)}.{_random.Next(2, 250)}", trip.Country, user.LaptopId)
                : Source(user, weekend);
            rows.Add(SignIn(time, user, ip, country, device));
        }
    }

    private (string Ip, string Country, Guid Device) Source(DemoUser user, bool weekend)
    {
        var roll = _random.Next(100);
        if (!weekend && roll < 55)
        {
            return ($"{user.City.OfficeNetwork}.{10 + _random.Next(11)}", user.City.Country, user.LaptopId);
        }
        return roll < 85
            ? ($"{user.HomeNetwork}.{_homeHost[user]}", user.City.Country, user.LaptopId)
            : (
                $"{user.City.MobileNetwork}.{_random.Next(256)}.{_random.Next(2, 250)}",
                user.City.Country,
                user.PhoneId
            );
    }

    private GeneratedSignIn SignIn(DateTimeOffset time, DemoUser user, string ip, string country, Guid device)
    {
        var (app, destination) = _random.Pick(Apps);
        var signIn = new SignInEvent
        {
            TimeGenerated = time,
            UserPrincipalName = DemoOrganization.Upn(user.Name),
            IPAddress = ip,
            Location = country,
            AppDisplayName = app,
            ResultType = "0",
        };
        return new GeneratedSignIn(signIn, device, destination);
    }
}
