using SecurityML.Detection.IpEmbedding;

namespace SecurityML.Tests.Detection.IpEmbedding;

/// <summary>
/// Logins shaped like the SageMaker IP Insights tutorial's generator: every user has 1–3 home networks (a /24 of an
/// internet provider's /16, used with per-user weights) and about <c>pairsPerUser</c> logins, 2 % of them while
/// travelling (another user's network). Held out: normal logins drawn the same way, and two kinds of anomaly per user:
/// a random public address, and an address in another user's network. In the organisation variant users come in
/// organisations of 20 that share 3–6 networks; each user's home networks are drawn from the organisation's, and 10 %
/// of logins use another network of the organisation (so normal logins include networks the user never used in
/// training but colleagues did); "another user's network" is then another organisation's.
/// </summary>
internal static class TutorialShapedData
{
    public sealed record Set(
        List<EntityIpPair> Training,
        List<EntityIpPair> Normal,
        List<EntityIpPair> RandomAddress,
        List<EntityIpPair> OtherNetwork
    )
    {
        public List<EntityIpPair> Anomalies => [.. RandomAddress, .. OtherNetwork];
    }

    private sealed record User(string Name, uint[] Networks, double[] Weights, uint[] Colleagues);

    /// <param name="users">Users (a multiple of 20 for the organisation variant).</param>
    /// <param name="pairsPerUser">Mean training logins per user (uniform from half to one and a half times it).</param>
    /// <param name="organisations">False: every user has their own networks; true: 20-user organisations share
    /// them.</param>
    /// <param name="seed">Seed of every draw.</param>
    public static Set Generate(int users, int pairsPerUser, bool organisations, int seed)
    {
        var random = new Random(seed);
        var providers = Enumerable
            .Range(0, Math.Max(50, users / 2))
            .Select(_ => PublicSlash16(random))
            .Distinct()
            .ToArray();
        uint NewNetwork() => (providers[random.Next(providers.Length)] << 8) | (uint)random.Next(256);
        var people = new User[users];
        for (int start = 0; start < users; start += organisations ? 20 : 1)
        {
            int size = organisations ? Math.Min(20, users - start) : 1;
            var shared = Enumerable.Range(0, organisations ? random.Next(3, 7) : 3).Select(_ => NewNetwork()).ToArray();
            for (int member = 0; member < size; member++)
            {
                int count = random.Next(1, 4);
                var networks = organisations
                    ? shared.OrderBy(_ => random.Next()).Take(count).ToArray()
                    : shared.Take(count).ToArray();
                var weights = networks.Select(_ => 0.2 + random.NextDouble()).ToArray();
                people[start + member] = new User(
                    $"user{start + member:D5}@example.com",
                    networks,
                    weights,
                    organisations ? shared : []
                );
            }
        }
        var allNetworks = people.SelectMany(person => person.Networks).Distinct().ToArray();
        string Login(User person)
        {
            double draw = random.NextDouble();
            uint network =
                draw < 0.02 ? allNetworks[random.Next(allNetworks.Length)]
                : person.Colleagues.Length > 0 && draw < 0.12 ? person.Colleagues[random.Next(person.Colleagues.Length)]
                : Pick(person.Networks, person.Weights, random);
            return Address(network, random);
        }
        var training = new List<EntityIpPair>();
        foreach (var person in people)
        {
            int logins = random.Next(pairsPerUser / 2, pairsPerUser * 3 / 2 + 1);
            for (int login = 0; login < logins; login++)
                training.Add(new EntityIpPair(person.Name, Login(person)));
        }
        Shuffle(training, random);
        var normal = people
            .SelectMany(person => Enumerable.Range(0, 5).Select(_ => new EntityIpPair(person.Name, Login(person))))
            .ToList();
        var randomAddress = people
            .Select(person => new EntityIpPair(
                person.Name,
                Ipv4Address.Format((PublicSlash16(random) << 16) | (uint)random.Next(1 << 16))
            ))
            .ToList();
        var otherNetwork = people
            .Select(person =>
            {
                var own = new HashSet<uint>(person.Colleagues.Length > 0 ? person.Colleagues : person.Networks);
                uint network;
                do network = allNetworks[random.Next(allNetworks.Length)];
                while (own.Contains(network));
                return new EntityIpPair(person.Name, Address(network, random));
            })
            .ToList();
        return new Set(training, normal, randomAddress, otherNetwork);
    }

    private static uint Pick(uint[] networks, double[] weights, Random random)
    {
        double draw = random.NextDouble() * weights.Sum();
        for (int index = 0; index < networks.Length; index++)
        {
            draw -= weights[index];
            if (draw < 0)
                return networks[index];
        }
        return networks[^1];
    }

    private static uint PublicSlash16(Random random)
    {
        while (true)
        {
            uint first = (uint)random.Next(1, 224);
            if (first is not (10 or 127 or 169 or 172 or 192))
                return (first << 8) | (uint)random.Next(256);
        }
    }

    private static string Address(uint slash24, Random random) =>
        Ipv4Address.Format((slash24 << 8) | (uint)random.Next(1, 255));

    private static void Shuffle<T>(List<T> items, Random random)
    {
        for (int index = items.Count - 1; index > 0; index--)
        {
            int other = random.Next(index + 1);
            (items[index], items[other]) = (items[other], items[index]);
        }
    }
}
