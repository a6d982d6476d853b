using SecurityML.Numerics;

namespace SecurityML.Data;

/// <summary>
/// Generates Exchange admin operations (OfficeActivity, ExchangeAdmin) for 30 days in sessions: admins manage
/// permissions, calendars, joiners and leavers from the office; people change their own inbox rules and settings; the
/// service host runs a daily policy update. Planted: a forwarding inbox rule made from a foreign address at night,
/// and a help-desk account adding itself to Organization Management and forwarding the Finance head's mailbox.
/// </summary>
internal sealed class ExchangeAdminGenerator
{
    public const int Days = 30;
    public const string ExternalAddress = "exfil-demo@mail.example";
    private const string ServiceHost = @"NT AUTHORITY\SYSTEM (Microsoft.Exchange.ServiceHost)";

    private readonly DemoOrganization _organization;
    private readonly DemoClock _clock;
    private readonly DeterministicRandom _random;
    private readonly IReadOnlyList<DemoUser> _admins;
    private readonly DemoUser _phished;
    private readonly DemoUser _helpDesk;
    private readonly DemoUser _financeHead;

    public ExchangeAdminGenerator(DemoOrganization organization, DemoDataOptions options)
    {
        _organization = organization;
        _clock = new DemoClock(options.Start);
        _random = new DeterministicRandom(options.Seed, stream: 6);
        _admins = organization.ExchangeAdmins;
        _phished = organization.Person("Sales", 2);
        _helpDesk = organization.Person("IT", 4);
        _financeHead = organization.Person("Finance", 0);
    }

    private DateTimeOffset ForwardingStart => _clock.Day(19).AddHours(23).AddMinutes(40);

    private DateTimeOffset RoleGroupStart => _clock.Day(23).AddHours(2).AddMinutes(15);

    public IReadOnlyList<AnomalyLabel> Labels =>
        [
            DemoClock.Label(
                DataSets.ExchangeAdmin,
                DemoOrganization.Upn(_phished.Name),
                ForwardingStart,
                ForwardingStart.AddMinutes(5),
                "InboxForwardingRule",
                $"{_phished.Name} creates inbox rules from 89.38.97.x at night: forward to {ExternalAddress} and "
                    + $"delete security notices."
            ),
            DemoClock.Label(
                DataSets.ExchangeAdmin,
                DemoOrganization.Upn(_helpDesk.Name),
                RoleGroupStart,
                RoleGroupStart.AddMinutes(5),
                "RoleGroupMembershipChange",
                $"{_helpDesk.Name} (help desk) adds itself to Organization Management from 103.104.73.x, takes "
                    + $"FullAccess to {_financeHead.Name}'s mailbox and forwards it outside."
            ),
        ];

    public IEnumerable<OfficeActivityEvent> Generate()
    {
        for (var dayIndex = 0; dayIndex < Days; dayIndex++)
        {
            var day = _clock.Day(dayIndex);
            var rows = new List<OfficeActivityEvent>();
            var policyId = "{" + _random.NextGuid().ToString("D").ToUpperInvariant() + "}";
            AddSession(
                rows,
                ServiceHost,
                "",
                DemoClock.Within(_random, day.AddHours(4), TimeSpan.FromHours(1)),
                [
                    (
                        "Set-ConditionalAccessPolicy",
                        [
                            ("Identity", policyId),
                            (
                                "PolicyLastUpdatedTime",
                                day.ToString(
                                    "yyyy-MM-dd'T'04:00:00'Z'",
                                    System.Globalization.CultureInfo.InvariantCulture
                                )
                            ),
                        ]
                    ),
                ]
            );
            if (!DemoClock.IsWeekend(day))
            {
                AddAdminSessions(rows, day);
                AddSelfService(rows, day);
            }
            if (dayIndex == 19)
            {
                AddForwardingRule(rows);
            }
            if (dayIndex == 23)
            {
                AddRoleGroupChange(rows);
            }
            foreach (var row in rows.OrderBy(row => row.TimeGenerated))
            {
                yield return row;
            }
        }
    }

    private void AddAdminSessions(List<OfficeActivityEvent> rows, DateTimeOffset day)
    {
        foreach (var admin in _admins)
        {
            var sessions = _random.Next(1, 4);
            for (var index = 0; index < sessions; index++)
            {
                var ip = $"{admin.City.OfficeNetwork}.{10 + _random.Next(11)}";
                AddSession(
                    rows,
                    DemoOrganization.Upn(admin.Name),
                    ip,
                    DemoClock.WorkTime(_random, day),
                    AdminSession()
                );
            }
        }
    }

    private List<(string, (string, string)[])> AdminSession()
    {
        var user = _random.Pick(_organization.Users);
        var mailbox = DemoOrganization.Upn(user.Name);
        var group = "All-" + user.Department.Name;
        var shared =
            _random.Pick(["shared-invoices", "shared-support", "shared-reception"]) + "@" + DemoOrganization.MailDomain;
        var room = _random.Pick(["room-atlas", "room-borealis", "room-cedar"]) + "@" + DemoOrganization.MailDomain;
        return _random.Next(4) switch
        {
            0 =>
            [
                (
                    "Add-MailboxPermission",
                    [
                        ("Identity", shared),
                        ("User", mailbox),
                        ("AccessRights", "FullAccess"),
                        ("InheritanceType", "All"),
                    ]
                ),
                (
                    "Add-RecipientPermission",
                    [("Identity", shared), ("Trustee", mailbox), ("AccessRights", "SendAs"), ("Confirm", "False")]
                ),
            ],
            1 =>
            [
                (
                    "Set-CalendarProcessing",
                    [("Identity", room), ("AutomateProcessing", "AutoAccept"), ("AllowConflicts", "False")]
                ),
                (
                    "Set-MailboxFolderPermission",
                    [("Identity", room + ":\\Calendar"), ("User", "Default"), ("AccessRights", "LimitedDetails")]
                ),
            ],
            2 =>
            [
                ("Set-Mailbox", [("Identity", mailbox), ("CustomAttribute1", user.Department.Name)]),
                ("Set-CASMailbox", [("Identity", mailbox), ("PopEnabled", "False"), ("ImapEnabled", "False")]),
                ("Add-DistributionGroupMember", [("Identity", group), ("Member", mailbox)]),
            ],
            _ =>
            [
                ("Set-Mailbox", [("Identity", mailbox), ("Type", "Shared")]),
                ("Remove-DistributionGroupMember", [("Identity", group), ("Member", mailbox), ("Confirm", "False")]),
                (
                    "Set-MailboxAutoReplyConfiguration",
                    [
                        ("Identity", mailbox),
                        ("AutoReplyState", "Enabled"),
                        ("InternalMessage", "I have left the company."),
                    ]
                ),
            ],
        };
    }

    private void AddSelfService(List<OfficeActivityEvent> rows, DateTimeOffset day)
    {
        var count =
            _random.Next(4, 10)
            * _organization.Users.Count
            / (DemoOrganization.PeoplePerDepartment * _organization.Departments.Count);
        for (var index = 0; index < count; index++)
        {
            var user = _random.Pick(_organization.Users);
            var mailbox = DemoOrganization.Upn(user.Name);
            var ip = _random.Chance(0.7)
                ? $"{user.City.OfficeNetwork}.{10 + _random.Next(11)}"
                : $"{user.HomeNetwork}.{20 + _random.Next(200)}";
            (string, (string, string)[]) operation = _random.Next(3) switch
            {
                0 => (
                    "New-InboxRule",
                    [
                        ("Mailbox", mailbox),
                        ("Name", _random.Pick(["Newsletters", "Receipts", "Project updates"])),
                        ("From", _random.Pick(["news@vendor.example", "billing@supplier.example", "jira@contoso.com"])),
                        ("MoveToFolder", "Archive"),
                        ("StopProcessingRules", "True"),
                    ]
                ),
                1 => (
                    "Set-MailboxJunkEmailConfiguration",
                    [("Identity", mailbox), ("TrustedSendersAndDomains", "partner.example")]
                ),
                _ => (
                    "Set-MailboxRegionalConfiguration",
                    [
                        ("Identity", mailbox),
                        ("Language", user.City.Country == "GB" ? "en-GB" : "en-US"),
                        ("TimeZone", user.City.Country == "GB" ? "GMT Standard Time" : "Pacific Standard Time"),
                    ]
                ),
            };
            AddSession(rows, mailbox, ip, DemoClock.WorkTime(_random, day), [operation]);
        }
    }

    private void AddForwardingRule(List<OfficeActivityEvent> rows)
    {
        var mailbox = DemoOrganization.Upn(_phished.Name);
        AddSession(
            rows,
            mailbox,
            $"89.38.97.{_random.Next(2, 250)}",
            ForwardingStart,
            [
                (
                    "New-InboxRule",
                    [
                        ("Mailbox", mailbox),
                        ("Name", "."),
                        ("SubjectOrBodyContainsWords", "invoice;payment;wire"),
                        ("ForwardTo", ExternalAddress),
                        ("MarkAsRead", "True"),
                        ("StopProcessingRules", "True"),
                    ]
                ),
                (
                    "New-InboxRule",
                    [
                        ("Mailbox", mailbox),
                        ("Name", ".."),
                        ("SubjectContainsWords", "security;password;unusual"),
                        ("DeleteMessage", "True"),
                    ]
                ),
            ]
        );
    }

    private void AddRoleGroupChange(List<OfficeActivityEvent> rows)
    {
        var actor = DemoOrganization.Upn(_helpDesk.Name);
        var target = DemoOrganization.Upn(_financeHead.Name);
        AddSession(
            rows,
            actor,
            $"103.104.73.{_random.Next(2, 250)}",
            RoleGroupStart,
            [
                ("Add-RoleGroupMember", [("Identity", "Organization Management"), ("Member", actor)]),
                (
                    "Add-MailboxPermission",
                    [("Identity", target), ("User", actor), ("AccessRights", "FullAccess"), ("InheritanceType", "All")]
                ),
                (
                    "Set-Mailbox",
                    [
                        ("Identity", target),
                        ("ForwardingSmtpAddress", "smtp:" + ExternalAddress),
                        ("DeliverToMailboxAndForward", "True"),
                    ]
                ),
            ]
        );
    }

    private void AddSession(
        List<OfficeActivityEvent> rows,
        string userId,
        string clientIp,
        DateTimeOffset start,
        IEnumerable<(string Operation, (string Name, string Value)[] Parameters)> operations
    )
    {
        var time = start;
        foreach (var (operation, parameters) in operations)
        {
            rows.Add(
                new OfficeActivityEvent
                {
                    TimeGenerated = time,
                    RecordType = "ExchangeAdmin",
                    OfficeWorkload = "Exchange",
                    Operation = operation,
                    UserId = userId,
                    ClientIP = clientIp,
                    ResultStatus = "True",
                    OfficeObjectId = parameters.Length > 0 ? parameters[0].Value : "",
                    Parameters = OfficeActivityEvent.FormatParameters(
                        parameters.Select(parameter => new OfficeParameter(parameter.Name, parameter.Value))
                    ),
                }
            );
            time = time.AddMilliseconds(_random.Next(5_000, 90_000));
        }
    }
}
