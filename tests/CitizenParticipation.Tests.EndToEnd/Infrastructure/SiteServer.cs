using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CitizenParticipation.Tests.EndToEnd.Infrastructure;

/// <summary>
/// The real site as a separate process (<c>dotnet CitizenParticipation.Web.dll</c>) on a free port,
/// with its own data folder and the given setup recipe.
/// </summary>
public sealed class SiteServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SiteServer(Process process, string baseUrl, string dataPath)
    {
        _process = process;
        BaseUrl = baseUrl;
        DataPath = dataPath;
    }

    public string BaseUrl { get; }
    public string DataPath { get; }
    public string MailDirectory => Path.Combine(DataPath, "mail");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// How long the site may take to build its first pages and answer /health: on a loaded machine that has taken
    /// minutes, so the wait is long and ends early only when the process exits. CP_E2E_START_MINUTES sets it.
    /// </summary>
    public static TimeSpan StartTimeout =>
        TimeSpan.FromMinutes(int.TryParse(Environment.GetEnvironmentVariable("CP_E2E_START_MINUTES"), out var minutes) && minutes > 0 ? minutes : 10);

    public static async Task<SiteServer> StartAsync(string recipe)
    {
        var dll = TestPaths.WebAssembly;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The site is not built: {dll} is missing. Build the solution (or the test project) first.");
        }

        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var dataPath = Path.Combine(Path.GetTempPath(), "cp-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataPath);

        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["App__DataPath"] = dataPath;
        start.Environment["App__PublicBaseUrl"] = baseUrl;
        // Test accounts need no protection against offline guessing; hashing at full strength only slows the run.
        start.Environment["Identity__PasswordHasher__IterationCount"] = "1000";
        start.Environment["Setup__Recipe"] = recipe;
        start.Environment["Mail__PollIntervalSeconds"] = "1";
        start.Environment["Debates__MapIntervalSeconds"] = "2";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the site.");
        var server = new SiteServer(process, baseUrl, dataPath);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await server.WaitUntilHealthyAsync(StartTimeout);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        // The first request builds the pipeline and can itself take long on a busy machine.
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var started = Stopwatch.StartNew();
        var lastAnswer = "no answer yet";
        while (started.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new SiteStartException(
                    $"The site exited with code {_process.ExitCode} after {started.Elapsed.TotalSeconds:0} s, before it answered {BaseUrl}/health. Its output:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(BaseUrl + "/health");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                lastAnswer = $"/health answered {(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                lastAnswer = e.Message;
            }
            catch (TaskCanceledException)
            {
                lastAnswer = "/health did not answer within 30 s";
            }

            await Task.Delay(250);
        }

        throw new SiteStartException(
            $"The site was still running but had not answered {BaseUrl}/health with 200 after {timeout.TotalMinutes:0.#} minutes " +
            $"(last: {lastAnswer}; CP_E2E_START_MINUTES sets the wait). Its output:\n{Output}");
    }

    /// <summary>
    /// Waits for the background sender to write an email to <paramref name="recipient"/> (whose text mentions
    /// <paramref name="marker"/>, when given: other emails may reach the same person) and returns it parsed.
    /// </summary>
    public async Task<MailMessageFile> WaitForMailAsync(string recipient, TimeSpan timeout, string? marker = null)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(MailDirectory))
            {
                foreach (var file in Directory.EnumerateFiles(MailDirectory, "*.eml", SearchOption.AllDirectories))
                {
                    string text;
                    try
                    {
                        text = await File.ReadAllTextAsync(file);
                    }
                    catch (IOException)
                    {
                        continue;
                    }

                    var mail = MailMessageFile.Parse(text);
                    if (mail.To.Contains(recipient, StringComparison.OrdinalIgnoreCase)
                        && (marker is null || mail.Bodies.Any(b => b.Contains(marker, StringComparison.Ordinal))))
                    {
                        return mail;
                    }
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"No email to {recipient}{(marker is null ? "" : $" mentioning \"{marker}\"")} appeared in {MailDirectory} within {timeout.TotalSeconds} s.\n{Output}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

/// <summary>The site did not start: the message says why and holds the site's output.</summary>
public sealed class SiteStartException(string message) : Exception(message);
