namespace SecurityML.Data;

/// <summary>The roles of the demo account's instances and their normal behaviour.</summary>
internal static class HostRoles
{
    private const string SsmEndpoint = "52.94.216.10";

    private static readonly FlowPattern SsmHeartbeat = new(SsmEndpoint, 443, 4_000, 6_000, 1.0, ActivityShape.Steady);

    public static HostRole Web { get; } =
        new(
            "web",
            "10.20.1",
            [
                new("10.20.2.10", 8080, 2_000_000, 9_000_000, 1.0, ActivityShape.Load),
                new("52.216.8.100", 443, 60_000, 250_000, 0.5, ActivityShape.Load),
                SsmHeartbeat,
            ],
            [
                new("php-fpm", "php-fpm", "www-data", "php-fpm: pool www", 0.6, ActivityShape.Load),
                new("logrotate", "cron", "root", "/usr/sbin/logrotate /etc/logrotate.conf", 1, ActivityShape.Daily, 0),
            ]
        );

    public static HostRole App { get; } =
        new(
            "app",
            "10.20.2",
            [
                new("10.20.3.11", 5432, 3_000_000, 12_000_000, 1.0, ActivityShape.Load),
                new("52.94.5.20", 443, 100_000, 300_000, 0.8, ActivityShape.Load),
                SsmHeartbeat,
            ],
            [
                new("python3", "cron", "app", "python3 /opt/app/jobs/reconcile.py", 1, ActivityShape.Steady),
                new("java", "systemd", "app", "java -Xmx2g -jar /opt/app/orders.jar", 0.02, ActivityShape.Steady),
            ]
        );

    public static HostRole Database { get; } =
        new(
            "db",
            "10.20.3",
            [
                new("10.20.3.20", 5432, 1_000_000, 200_000, 1.0, ActivityShape.Steady),
                new("52.216.8.100", 443, 500_000_000, 2_000_000, 1.0, ActivityShape.Daily, 2),
                SsmHeartbeat,
            ],
            [
                new("postgres", "postgres", "postgres", "postgres: autovacuum worker", 0.5, ActivityShape.Steady),
                new(
                    "pg_dump",
                    "cron",
                    "postgres",
                    "pg_dump -Fc orders -f /backup/orders.dump",
                    1,
                    ActivityShape.Daily,
                    2
                ),
                new(
                    "aws",
                    "cron",
                    "postgres",
                    "aws s3 cp /backup/orders.dump s3://contoso-db-backups/",
                    1,
                    ActivityShape.Daily,
                    2
                ),
            ]
        );

    public static HostRole Bastion { get; } =
        new(
            "bastion",
            "10.20.0",
            [
                new("10.20.1.11", 22, 150_000, 400_000, 0.4, ActivityShape.WorkHours),
                new("10.20.2.11", 22, 150_000, 400_000, 0.4, ActivityShape.WorkHours),
                new("10.20.3.11", 22, 100_000, 300_000, 0.2, ActivityShape.WorkHours),
                SsmHeartbeat,
            ],
            [
                new("sshd", "sshd", "root", "sshd: admin [priv]", 1.5, ActivityShape.WorkHours),
                new("bash", "sshd", "admin", "-bash", 1.5, ActivityShape.WorkHours),
            ]
        );

    public static HostRole Build { get; } =
        new(
            "build",
            "10.20.4",
            [
                new("140.82.112.3", 443, 1_000_000, 40_000_000, 0.7, ActivityShape.WorkHours),
                new("104.16.24.35", 443, 300_000, 20_000_000, 0.6, ActivityShape.WorkHours),
                SsmHeartbeat,
            ],
            [
                new("git", "sh", "builder", "git fetch --prune origin", 3, ActivityShape.WorkHours),
                new("sh", "runner", "builder", "sh -c ./build.sh", 2, ActivityShape.WorkHours),
                new("dotnet", "sh", "builder", "dotnet build -c Release", 2, ActivityShape.WorkHours),
            ]
        );
}
