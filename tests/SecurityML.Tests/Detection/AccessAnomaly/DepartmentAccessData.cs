using SecurityML.Detection.AccessAnomaly;

namespace SecurityML.Tests.Detection.AccessAnomaly;

/// <summary>
/// Synthetic department-structured access data (as in the reference's tests): per tenant, departments of 5–10 users
/// and 25–50 resources; each user accesses about half of their department's resources, and everybody accesses one
/// shared resource, so the access graph is connected. Likelihoods are uniform in [1, 10].
/// </summary>
internal sealed class DepartmentAccessData
{
    public const string SharedResource = "shared";

    private readonly Dictionary<string, string> _departmentOfUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _departmentOfResource = new(StringComparer.Ordinal);

    public DepartmentAccessData(
        int seed,
        IReadOnlyList<string> tenants,
        int departments,
        (int Minimum, int Maximum) usersPerDepartment,
        (int Minimum, int Maximum) resourcesPerDepartment
    )
    {
        var random = new Random(seed);
        var pairs = new List<AccessLikelihood>();
        foreach (var tenant in tenants)
        {
            for (var department = 0; department < departments; department++)
            {
                var name = $"{tenant}/d{department}";
                var users = Enumerable
                    .Range(0, random.Next(usersPerDepartment.Minimum, usersPerDepartment.Maximum + 1))
                    .Select(user => $"{name}/u{user}")
                    .ToList();
                var resources = Enumerable
                    .Range(0, random.Next(resourcesPerDepartment.Minimum, resourcesPerDepartment.Maximum + 1))
                    .Select(resource => $"{name}/r{resource}")
                    .ToList();
                users.ForEach(user => _departmentOfUser[user] = name);
                resources.ForEach(resource => _departmentOfResource[resource] = name);
                foreach (var user in users)
                {
                    pairs.Add(new AccessLikelihood(tenant, user, SharedResource, 1 + 9 * random.NextDouble()));
                    pairs.AddRange(
                        resources
                            .Where(_ => random.NextDouble() < 0.5)
                            .Select(resource => new AccessLikelihood(
                                tenant,
                                user,
                                resource,
                                1 + 9 * random.NextDouble()
                            ))
                    );
                }
            }
        }
        Training = pairs;
    }

    public IReadOnlyList<AccessLikelihood> Training { get; }

    /// <summary>Every (user, resource) pair of a tenant not in the training data, split by department (resources
    /// nobody accessed are left out: the model does not know them).</summary>
    public (List<AccessLikelihood> SameDepartment, List<AccessLikelihood> CrossDepartment) UnseenPairs(string tenant)
    {
        var seen = Training.Select(pair => (pair.Tenant, pair.User, pair.Resource)).ToHashSet();
        var users = _departmentOfUser.Keys.Where(user => user.StartsWith(tenant + "/", StringComparison.Ordinal));
        var trained = Training.Select(pair => pair.Resource).ToHashSet();
        var resources = _departmentOfResource
            .Keys.Where(resource =>
                resource.StartsWith(tenant + "/", StringComparison.Ordinal) && trained.Contains(resource)
            )
            .ToList();
        var unseen = users
            .SelectMany(user => resources.Select(resource => new AccessLikelihood(tenant, user, resource)))
            .Where(pair => !seen.Contains((pair.Tenant, pair.User, pair.Resource)))
            .ToList();
        return (
            unseen.Where(pair => _departmentOfUser[pair.User] == _departmentOfResource[pair.Resource]).ToList(),
            unseen.Where(pair => _departmentOfUser[pair.User] != _departmentOfResource[pair.Resource]).ToList()
        );
    }
}
