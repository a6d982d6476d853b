using SecurityML.Data;
using SecurityML.Detection.IpEmbedding;

namespace SecurityML.Tests.Detection.IpEmbedding;

/// <summary>Synthetic abnormal pairs and label exclusion.</summary>
public sealed class UnrelatedAddressPairsTests
{
    private static readonly EntityIpPair[] Known =
    [
        new("alice", "203.0.113.5"),
        new("bob", "198.51.100.7"),
        new("carol", "203.0.200.1"),
        new("bad", "::1"),
    ];

    [Fact]
    public void Pairs_use_known_entities_and_public_ranges_nobody_used()
    {
        var pairs = UnrelatedAddressPairs.Generate(Known, 2000, seed: 3);

        pairs.Should().HaveCount(2000);
        pairs.Select(pair => pair.Entity).Distinct().Should().BeEquivalentTo(["alice", "bob", "carol"]);
        var addresses = pairs.Select(pair => Ipv4Address.Parse(pair.IpAddress)).ToList();
        addresses
            .Should()
            .OnlyContain(address => (address >> 16) != ((203u << 8) | 0) && (address >> 16) != ((198u << 8) | 51));
        addresses
            .Select(address => address >> 24)
            .Should()
            .OnlyContain(first =>
                first >= 1
                && first <= 223
                && first != 10
                && first != 127
                && first != 172
                && first != 192
                && first != 169
            );
        UnrelatedAddressPairs.Generate(Known, 2000, seed: 3).Should().Equal(pairs);
        UnrelatedAddressPairs.Generate(Known, 2000, seed: 4).Should().NotEqual(pairs);
    }

    [Fact]
    public void No_usable_pair_is_an_error()
    {
        FluentActions
            .Invoking(() => UnrelatedAddressPairs.Generate([new("x", "fe80::1")], 1, 0))
            .Should()
            .Throw<ArgumentException>()
            .WithMessage("*at least one pair*");
    }

    [Fact]
    public void Sign_ins_covered_by_labels_can_be_left_out()
    {
        var time = new DateTimeOffset(2024, 3, 24, 3, 5, 0, TimeSpan.Zero);
        SignInEvent[] signIns =
        [
            new()
            {
                TimeGenerated = time,
                UserPrincipalName = "yusuf",
                IPAddress = "89.38.97.4",
            },
            new()
            {
                TimeGenerated = time,
                UserPrincipalName = "noah",
                IPAddress = "203.0.113.9",
            },
            new()
            {
                TimeGenerated = time.AddHours(2),
                UserPrincipalName = "yusuf",
                IPAddress = "203.0.113.8",
            },
        ];
        var label = new AnomalyLabel
        {
            Entity = "yusuf",
            WindowStart = time.AddMinutes(-5),
            WindowEnd = time.AddHours(1),
        };

        EntityIpPairs
            .FromSignIns(signIns, excluding: [label])
            .Select(pair => pair.IpAddress)
            .Should()
            .Equal("203.0.113.9", "203.0.113.8");
    }
}
