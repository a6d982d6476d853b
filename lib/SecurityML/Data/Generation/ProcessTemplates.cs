using System.Globalization;
using SecurityML.Numerics;

namespace SecurityML.Data;

/// <summary>The everyday processes of the demo hosts: system services (run as the machine, 0x3e7) and user
/// apps.</summary>
internal static class ProcessTemplates
{
    private const string System32 = @"C:\Windows\System32\";
    private const string Svchost = System32 + "svchost.exe";
    private const string Edge = @"C:\Program Files (x86)\Microsoft\Edge\Application\msedge.exe";
    private const string Office = @"C:\Program Files\Microsoft Office\root\Office16\";

    public static readonly IReadOnlyList<ProcessTemplate> System =
    [
        new(
            Svchost,
            System32 + "services.exe",
            6,
            (random, _, _) =>
                @"C:\Windows\system32\svchost.exe -k "
                + random.Pick([
                    "netsvcs -p -s Schedule",
                    "netsvcs -p -s gpsvc",
                    "LocalService -p -s WdiServiceHost",
                    "LocalServiceNetworkRestricted -p -s EventLog",
                ])
        ),
        new(
            System32 + @"wbem\WmiPrvSE.exe",
            Svchost,
            5,
            (_, _, _) => @"C:\Windows\system32\wbem\wmiprvse.exe -secured -Embedding"
        ),
        new(
            System32 + "dllhost.exe",
            Svchost,
            5,
            (random, _, _) => @"C:\Windows\system32\DllHost.exe /Processid:{" + Upper(random) + "}"
        ),
        new(
            System32 + "conhost.exe",
            System32 + "cmd.exe",
            4,
            (_, _, _) => @"\??\C:\Windows\system32\conhost.exe 0xffffffff -ForceV1"
        ),
        new(System32 + "taskhostw.exe", Svchost, 3, (_, _, _) => "taskhostw.exe"),
        new(
            @"C:\ProgramData\Microsoft\Windows Defender\Platform\4.18.24010.12-0\MpCmdRun.exe",
            @"C:\ProgramData\Microsoft\Windows Defender\Platform\4.18.24010.12-0\MsMpEng.exe",
            2,
            (_, _, _) =>
                "\"C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24010.12-0\\MpCmdRun.exe\" "
                + "SignatureUpdate -ScheduleJob -RestrictPrivileges"
        ),
        new(
            @"C:\Program Files (x86)\Microsoft\EdgeUpdate\Install\{GUID}\MicrosoftEdgeUpdateSetup.exe",
            Svchost,
            2,
            (random, _, image) => $"\"{image}\" /update /sessionid \"{{{Upper(random)}}}\""
        ),
        new(
            System32 + @"WindowsPowerShell\v1.0\powershell.exe",
            Svchost,
            1,
            (random, _, _) =>
                "powershell.exe -NoProfile -ExecutionPolicy Bypass -File \"C:\\Program "
                + "Files\\Contoso\\Inventory\\collect.ps1\" -Output C:\\Windows\\Temp\\inv-"
                + Hex(random)
                + ".json"
        ),
        new(
            System32 + "cmd.exe",
            Svchost,
            1,
            (random, _, _) => "C:\\Windows\\system32\\cmd.exe /c \"C:\\Windows\\Temp\\" + Hex(random) + ".tmp.bat\""
        ),
        new(
            System32 + "CompatTelRunner.exe",
            Svchost,
            1,
            (_, _, _) => @"C:\Windows\system32\compattelrunner.exe -maintenance"
        ),
        new(System32 + "sppsvc.exe", System32 + "services.exe", 1, (_, _, _) => @"C:\Windows\system32\sppsvc.exe"),
    ];

    public static readonly IReadOnlyList<ProcessTemplate> User =
    [
        new(
            Edge,
            Edge,
            8,
            (random, _, _) =>
                $"\"{Edge}\" --type=renderer --lang=en-US --renderer-client-id={random.Next(5, 400)} "
                + $"--mojo-platform-channel-handle={random.Next(1000, 9999)} "
                + $"--field-trial-handle=1904,i,{random.NextUInt64()},{random.NextUInt64()},262144 /prefetch:1"
        ),
        new(
            @"C:\Users\USER\AppData\Local\Microsoft\Teams\current\Teams.exe",
            @"C:\Users\USER\AppData\Local\Microsoft\Teams\current\Teams.exe",
            4,
            (random, user, _) =>
                $"\"C:\\Users\\{user}\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe\" --type=renderer "
                + $"--autoplay-policy=no-user-gesture-required "
                + $"--field-trial-handle={random.Next(1000, 9999)},i,{random.NextUInt64()} /prefetch:1"
        ),
        new(Office + "OUTLOOK.EXE", @"C:\Windows\explorer.exe", 1, (_, _, _) => $"\"{Office}OUTLOOK.EXE\""),
        new(
            Office + "EXCEL.EXE",
            @"C:\Windows\explorer.exe",
            2,
            (random, user, _) =>
                $"\"{Office}EXCEL.EXE\" \"C:\\Users\\{user}\\Documents\\report-{random.Next(1, 60)}.xlsx\""
        ),
        new(
            System32 + "notepad.exe",
            @"C:\Windows\explorer.exe",
            1,
            (random, user, _) =>
                $"\"C:\\Windows\\system32\\NOTEPAD.EXE\" C:\\Users\\{user}\\Downloads\\readme-{random.Next(1, 30)}.txt"
        ),
        new(
            @"C:\Users\USER\AppData\Local\Microsoft\OneDrive\OneDrive.exe",
            @"C:\Windows\explorer.exe",
            1,
            (_, user, _) => $"\"C:\\Users\\{user}\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe\" /background"
        ),
        new(
            @"C:\Users\USER\AppData\Local\Temp\{GUID}\Setup.exe",
            Edge,
            1,
            (_, _, image) => $"\"{image}\" /silent /norestart"
        ),
        new(
            System32 + "rundll32.exe",
            Svchost,
            2,
            (random, _, _) =>
                @"C:\Windows\System32\rundll32.exe C:\Windows\System32\shell32.dll,SHCreateLocalServerRunDll {"
                + Upper(random)
                + "} -Embedding"
        ),
    ];

    /// <summary>Fills the <c>USER</c> and <c>{GUID}</c> placeholders of a path.</summary>
    public static string Fill(string path, string user, DeterministicRandom random)
    {
        var filled = path.Replace(@"\USER\", $@"\{user}\", StringComparison.Ordinal);
        return filled.Contains("{GUID}", StringComparison.Ordinal)
            ? filled.Replace("{GUID}", "{" + Upper(random) + "}", StringComparison.Ordinal)
            : filled;
    }

    private static string Upper(DeterministicRandom random) =>
        random.NextGuid().ToString("D", CultureInfo.InvariantCulture).ToUpperInvariant();

    private static string Hex(DeterministicRandom random) =>
        random.Next(0x10000000, int.MaxValue).ToString("x8", CultureInfo.InvariantCulture);
}
