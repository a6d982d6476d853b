using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace SecurityML.Tests.TestSupport;

/// <summary>
/// Debian's Chromium driven by its chromedriver (packages chromium and chromium-driver; .ci/run installs them),
/// headless, with no background networking: this machine has no network beyond the package registries.
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string DriverPath = "/usr/bin/chromedriver";
    private readonly TemporaryFolder _profile = new();

    /// <summary>Starts the browser; fails with how to install it when it is missing.</summary>
    public HeadlessChromium()
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(DriverPath))
        {
            throw new InvalidOperationException(
                $"Browser tests need {ChromiumPath} and {DriverPath}: apt-get install chromium chromium-driver "
                    + $"(.ci/run does)."
            );
        }
        var service = ChromeDriverService.CreateDefaultService(
            Path.GetDirectoryName(DriverPath)!,
            Path.GetFileName(DriverPath)
        );
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1280,1024",
            $"--user-data-dir={_profile.Path}"
        );
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
    }

    /// <summary>The WebDriver.</summary>
    public ChromeDriver Driver { get; }

    /// <summary>Opens a local file and waits until the page has loaded.</summary>
    public void Open(string path)
    {
        Driver.Navigate().GoToUrl(new Uri(Path.GetFullPath(path)).AbsoluteUri);
        new WebDriverWait(Driver, TimeSpan.FromSeconds(30)).Until(d =>
            ((IJavaScriptExecutor)d).ExecuteScript("return document.readyState") as string == "complete"
        );
    }

    /// <summary>Waits until <paramref name="condition"/> holds or the timeout passes; returns whether it
    /// held.</summary>
    public bool WaitUntil(Func<IWebDriver, bool> condition, TimeSpan timeout)
    {
        try
        {
            return new WebDriverWait(Driver, timeout).Until(condition);
        }
        catch (WebDriverTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Runs JavaScript in the page.</summary>
    public object? Script(string script) => ((IJavaScriptExecutor)Driver).ExecuteScript(script);

    /// <summary>Browser console entries at SEVERE level (errors), read and cleared.</summary>
    public IReadOnlyList<string> ConsoleErrors() =>
        Driver
            .Manage()
            .Logs.GetLog(LogType.Browser)
            .Where(e => e.Level == LogLevel.Severe)
            .Select(e => e.Message)
            .ToList();

    /// <summary>True when an alert dialog is open.</summary>
    public bool AlertIsOpen()
    {
        try
        {
            _ = Driver.SwitchTo().Alert().Text;
            return true;
        }
        catch (NoAlertPresentException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        _profile.Dispose();
    }
}
