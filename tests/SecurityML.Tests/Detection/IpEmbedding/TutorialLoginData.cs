using SecurityML.Detection.IpEmbedding;

namespace SecurityML.Tests.Detection.IpEmbedding;

/// <summary>
/// Sign-in pairs generated the way the SageMaker IP Insights tutorial does: every user has a home address range at an
/// ISP of their region (locality: people of one office share a handful of ISPs) and works from the office range; now
/// and then they travel and sign in from a random range of another ISP. Attacks are a known user signing in from a
/// random range of a /16 that nobody uses.
/// </summary>
internal static class TutorialLoginData
{
    private const int Offices = 4;
    private const int IspsPerRegion = 6;

    public static (List<EntityIpPair> Training, List<EntityIpPair> NormalTest, List<EntityIpPair> Attacks) Generate(
        int users,
        int trainingLoginsPerUser,
        int testLoginsPerUser,
        int seed
    )
    {
        var random = new Random(seed);
        var used = new HashSet<uint>();
        uint[][] regionIsps = Enumerable
            .Range(0, Offices)
            .Select(_ => Enumerable.Range(0, IspsPerRegion).Select(_ => NewSlash16(random, used)).ToArray())
            .ToArray();
        uint[] officeRanges = regionIsps.Select(isps => (isps[0] << 8) | (uint)random.Next(256)).ToArray();
        var people = Enumerable
            .Range(0, users)
            .Select(index =>
            {
                int office = index % Offices;
                uint isp = regionIsps[office][random.Next(IspsPerRegion)];
                return (
                    Name: $"user{index:D4}@example.com",
                    Office: office,
                    Home: (isp << 8) | (uint)random.Next(256),
                    Host: random.Next(1, 250)
                );
            })
            .ToArray();
        string Login((string Name, int Office, uint Home, int Host) person)
        {
            double draw = random.NextDouble();
            if (draw < 0.5)
                return Address(officeRanges[person.Office], random.Next(1, 255));
            if (draw < 0.92)
                return Address(person.Home, person.Host + (random.NextDouble() < 0.2 ? random.Next(0, 4) : 0));
            var region = regionIsps[random.Next(Offices)];
            return Address((region[random.Next(IspsPerRegion)] << 8) | (uint)random.Next(256), random.Next(1, 255));
        }
        var training = people
            .SelectMany(person =>
                Enumerable.Range(0, trainingLoginsPerUser).Select(_ => new EntityIpPair(person.Name, Login(person)))
            )
            .ToList();
        var normalTest = people
            .SelectMany(person =>
                Enumerable.Range(0, testLoginsPerUser).Select(_ => new EntityIpPair(person.Name, Login(person)))
            )
            .ToList();
        var attacks = people
            .Select(person => new EntityIpPair(
                person.Name,
                Address((NewSlash16(random, used) << 8) | (uint)random.Next(256), random.Next(1, 255))
            ))
            .ToList();
        return (training, normalTest, attacks);
    }

    private static uint NewSlash16(Random random, HashSet<uint> used)
    {
        while (true)
        {
            uint first = (uint)random.Next(1, 224);
            uint candidate = (first << 8) | (uint)random.Next(256);
            if (first != 10 && first != 127 && used.Add(candidate))
                return candidate;
        }
    }

    private static string Address(uint slash24, int host) => Ipv4Address.Format((slash24 << 8) | (uint)host);
}
