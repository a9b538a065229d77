using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

// Starts the site (Release build) on a fresh SQLite database, seeds citizens, petitions and signatures
// in bulk, logs in as many distinct citizens as there will be signatures, then drives signing of one hot
// petition through the real endpoint (authenticated, antiforgery-checked), reads of its page, and the
// list and search; each next to a baseline measured in the same run by a bare Kestrel in this process.
var siteDll = Path.GetFullPath(args.ElementAtOrDefault(0) ?? throw new ArgumentException(
    "usage: PetitionsBench <path to CitizenParticipation.Web.dll> [citizens] [petitions] [signatures] [signers] [concurrency] [read seconds]"));
int Arg(int i, int fallback) => int.Parse(args.ElementAtOrDefault(i) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
var citizenCount = Arg(1, 100_000);
var petitionCount = Arg(2, 10_000);
var signatureCount = Arg(3, 1_000_000);
var signerCount = Arg(4, 2_000);
var concurrency = Arg(5, 16);
var readSeconds = Arg(6, 5);
var wrkScripts = Path.Combine(AppContext.BaseDirectory, "wrk");
const string Password = "Bench!2345";
// Before the measured run, this many other citizens sign this many other petitions through the same wrk
// path, taking each past its answer threshold (and the first past the agenda threshold, see Seed): a site
// in a spike has been running, and the runtime's tiered JIT was still recompiling hot methods for the
// first few thousand requests (a seventh of the CPU in a profile of the signing run after 300 warm-up
// signatures).
const int WarmUpSigners = 3000;
const int WarmUpPetitions = 3;

var dataPath = Path.Combine(Path.GetTempPath(), "cp-bench-petitions-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(dataPath);
var siteUrl = $"http://127.0.0.1:{BenchSite.FreePort()}";
var start = new ProcessStartInfo("dotnet", [siteDll, "--urls", siteUrl])
{
    WorkingDirectory = Path.GetDirectoryName(siteDll)!,
    RedirectStandardOutput = true,
    RedirectStandardError = true,
};
start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
start.Environment["App__DataPath"] = dataPath;
start.Environment["App__PublicBaseUrl"] = siteUrl;
start.Environment["Setup__Recipe"] = "blank";
start.Environment["Setup__AdminEmail"] = "admin@bench.example";
start.Environment["Setup__AdminPassword"] = "Bench!2345";
start.Environment["Mail__SenderEnabled"] = "false";
start.Environment["Logging__LogLevel__Default"] = "Warning";
// The seeded citizens' password hashes use few PBKDF2 iterations (see Seed) and the site keeps them as
// they are: log-ins are set-up here, not what is measured.
start.Environment["Identity__PasswordHasher__IterationCount"] = "1000";
using var site = Process.Start(start)!;
site.OutputDataReceived += (_, _) => { };
site.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("site: " + e.Data); };
site.BeginOutputReadLine();
site.BeginErrorReadLine();

// POSTs each line ("<Cookie header>\t<form body>") once to the path, spread over wrk's connections.
async Task<Result> PostEachAsync(string url, string path, IEnumerable<string> lines)
{
    var file = Path.Combine(dataPath, $"requests-{Guid.NewGuid():N}.txt");
    await File.WriteAllLinesAsync(file, lines);
    return await WrkAsync(url, Path.Combine(wrkScripts, "load.lua"), concurrency, [file, path]);
}

var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = Math.Max(concurrency, 16) };
using var http = new HttpClient(handler) { BaseAddress = new Uri(siteUrl), Timeout = TimeSpan.FromSeconds(120) };
try
{
    await BenchSite.WaitForAsync(http, "/health", TimeSpan.FromSeconds(120));
    var database = Directory.GetFiles(dataPath, "*.db").Single();
    var seeding = Stopwatch.StartNew();
    var seed = Seed(database, citizenCount, petitionCount, signatureCount, signerCount + WarmUpSigners, WarmUpPetitions, WarmUpSigners);
    Console.WriteLine($"Seeded {citizenCount:N0} citizens, {petitionCount:N0} petitions and {seed.Signatures:N0} signatures in {seeding.Elapsed.TotalSeconds:0.0} s " +
                      $"(hot petition {seed.Hot} starts at {seed.HotStart:N0} signatures, answer threshold {seed.Threshold:N0})");

    // Distinct citizens, logged in before any timing: one signature per person per petition.
    var logins = Stopwatch.StartNew();
    var sessions = new Session[signerCount + WarmUpSigners];
    var nextLogin = -1;
    var loginForm = await LoginFormAsync(http);
    await Task.WhenAll(Enumerable.Range(0, 16).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref nextLogin)) < sessions.Length)
        {
            var petition = i < WarmUpSigners ? seed.WarmUps[0] : seed.Hot;
            sessions[i] = await LogInAsync(http, loginForm, $"citizen{i}@bench.example", Password, petition);
        }
    }));
    Console.WriteLine($"Logged in {sessions.Length:N0} citizens (cookie + antiforgery token each) in {logins.Elapsed.TotalSeconds:0.0} s");

    // Warm-up: other citizens sign other petitions, as the measured run will.
    foreach (var warmUpPetition in seed.WarmUps)
    {
        var warmUp = await PostEachAsync(siteUrl, $"/petitions/{warmUpPetition}/sign", sessions[..WarmUpSigners].Select(SignLine));
        if (warmUp.Failures > 0)
        {
            throw new InvalidOperationException($"{warmUp.Failures} warm-up signatures failed.");
        }
    }

    // Baselines, in this process: one raw SQLite insert per request; the petition page's bytes from memory.
    using var page = await http.GetAsync($"/petitions/{seed.Hot}");
    page.EnsureSuccessStatusCode();
    var pageBytes = await page.Content.ReadAsByteArrayAsync();
    var pageType = page.Content.Headers.ContentType!.ToString();
    var baselineDb = Path.Combine(dataPath, "baseline.db");
    using (var setup = new SqliteConnection($"Data Source={baselineDb}"))
    {
        setup.Open();
        using var create = setup.CreateCommand();
        create.CommandText = """
            PRAGMA journal_mode=WAL;
            CREATE TABLE Signatures (Id INTEGER PRIMARY KEY AUTOINCREMENT, PetitionId INTEGER NOT NULL, UserId TEXT NULL, Kind INTEGER NOT NULL, SignerName TEXT NOT NULL,
                RegionId INTEGER NULL, Comment TEXT NULL, CreatedAt TEXT NOT NULL, IpAddress TEXT NULL, EmailDomain TEXT NULL, InvalidationId INTEGER NULL);
            CREATE UNIQUE INDEX IX_Signatures_PetitionId_UserId ON Signatures (PetitionId, UserId);
            CREATE INDEX IX_Signatures_PetitionId_CreatedAt ON Signatures (PetitionId, CreatedAt);
            CREATE INDEX IX_Signatures_UserId ON Signatures (UserId);
            """;
        create.ExecuteNonQuery();
    }

    var baselinePort = BenchSite.FreePort();
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.ClearProviders();
    var baselineUrl = $"http://127.0.0.1:{baselinePort}";
    builder.WebHost.UseUrls(baselineUrl);
    await using var baseline = builder.Build();
    baseline.MapGet("/page", (HttpContext context) =>
    {
        context.Response.ContentType = pageType;
        context.Response.ContentLength = pageBytes.Length;
        return context.Response.Body.WriteAsync(pageBytes).AsTask();
    });
    baseline.MapPost("/insert", async (HttpContext context) =>
    {
        var form = await context.Request.ReadFormAsync();
        await using var connection = new SqliteConnection($"Data Source={baselineDb}");
        await connection.OpenAsync();
        await using (var pragma = connection.CreateCommand())
        {
            // The site's connection settings (src/Data/CitizenParticipation.Data.Sqlite/SqliteDatabase.cs).
            pragma.CommandText = "PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA mmap_size=268435456;";
            await pragma.ExecuteNonQueryAsync();
        }

        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO Signatures (PetitionId, UserId, Kind, SignerName, CreatedAt, IpAddress) VALUES (1, $u, 0, 'bench', $t, '127.0.0.1')";
        insert.Parameters.AddWithValue("$u", form["user"].ToString());
        insert.Parameters.AddWithValue("$t", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture));
        await insert.ExecuteNonQueryAsync();
        context.Response.StatusCode = StatusCodes.Status302Found;
        context.Response.Headers.Location = "/page";
    });
    await baseline.StartAsync();
    var baselineHandler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = Math.Max(concurrency, 16) };
    using var baselineHttp = new HttpClient(baselineHandler) { BaseAddress = new Uri(baselineUrl) };
    await PostEachAsync(baselineUrl, "/insert", Enumerable.Range(0, WarmUpSigners * WarmUpPetitions).Select(_ => InsertLine()));

    Console.WriteLine();
    Console.WriteLine($"Signing the hot petition: {signerCount:N0} distinct citizens, one POST /petitions/{{id}}/sign each, wrk with {concurrency} connections");
    if (site.HasExited)
    {
        throw new InvalidOperationException($"The site exited with code {site.ExitCode} before the measured run.");
    }

    // The site's CPU time per signature: steadier from run to run than the rate on a shared 2-core machine.
    var cpuBefore = site.TotalProcessorTime;
    var machineBefore = MachineTimes();
    var signing = await PostEachAsync(siteUrl, $"/petitions/{seed.Hot}/sign", sessions[WarmUpSigners..].Select(SignLine));
    site.Refresh();
    var cpuPerSignature = (site.TotalProcessorTime - cpuBefore).TotalMilliseconds / signerCount;
    var stolen = Stolen(machineBefore, MachineTimes());
    var rawInsert = await PostEachAsync(baselineUrl, "/insert", Enumerable.Range(0, signerCount).Select(_ => InsertLine()));
    var (counter, rows) = Counts(database, seed.Hot);
    var state = Status(database, seed.Hot);
    Console.WriteLine(Header());
    Console.WriteLine(Row("sign (site)", signing));
    Console.WriteLine(Row("raw SQLite insert (baseline)", rawInsert));
    Console.WriteLine($"  ratio site/baseline throughput {signing.Throughput / rawInsert.Throughput:0.00} (target >= 0.30); failures {signing.Failures}; " +
                      $"target 2,000 signatures/s with p99 < 100 ms: {(signing.Throughput >= 2000 && signing.P99 < 100 ? "met" : "NOT met")}");
    Console.WriteLine($"  site CPU per signature {cpuPerSignature:0.000} ms (at that cost this machine's {Environment.ProcessorCount} cores sign at most {Environment.ProcessorCount * 1000 / cpuPerSignature:N0}/s); " +
                      $"the hypervisor took {stolen * 100:0}% of this virtual machine's CPU time during the run");
    Console.WriteLine($"  hot petition: counter {counter:N0}, signature rows {rows:N0} ({(counter == rows ? "equal" : "NOT EQUAL")}); expected {seed.HotStart + signerCount:N0}; status now {state}");

    Console.WriteLine();
    Console.WriteLine($"Reading the hot petition's page ({pageBytes.Length:N0} bytes), anonymous GETs for {readSeconds} s, wrk with {concurrency} connections");
    var hotPath = $"/petitions/{seed.Hot}";
    // Warmed up under the same load for a few seconds each: the runtime's tiered JIT recompiles the cached-page path
    // after some thousands of requests (the site served a third of its steady rate in the first seconds).
    await WrkAsync(siteUrl + hotPath, Path.Combine(wrkScripts, "load.lua"), concurrency, [], 3);
    await WrkAsync(baselineUrl + "/page", Path.Combine(wrkScripts, "load.lua"), concurrency, [], 3);
    var reads = await WrkAsync(siteUrl + hotPath, Path.Combine(wrkScripts, "load.lua"), concurrency, [], readSeconds);
    var memory = await WrkAsync(baselineUrl + "/page", Path.Combine(wrkScripts, "load.lua"), concurrency, [], readSeconds);
    Console.WriteLine(Header());
    Console.WriteLine(Row("petition page (site)", reads));
    Console.WriteLine(Row("same bytes from memory (baseline)", memory));
    Console.WriteLine($"  ratio site/baseline throughput {reads.Throughput / memory.Throughput:0.00} (target >= 0.50)");

    Console.WriteLine();
    // The site indexes public petitions for search in the background (a minute after it starts, then every
    // minute); the seeded ones were written behind its back. A site that has been running has them indexed.
    var waited = Stopwatch.StartNew();
    long unindexed;
    while ((unindexed = NotIndexed(database)) > 0 && waited.Elapsed < TimeSpan.FromMinutes(3))
    {
        await Task.Delay(TimeSpan.FromSeconds(1));
    }

    Console.WriteLine(unindexed == 0
        ? $"Search index: every public petition indexed (waited {waited.Elapsed.TotalSeconds:0} s for the site's background indexing)"
        : $"Search index: {unindexed:N0} public petitions still not indexed after 3 minutes; they are searched by reading their text");
    var lists = 1000;
    // Anonymous visitors share pages rendered a few seconds ago (output cache); a logged-in citizen's
    // pages are rendered for them each time, so the target is judged on those.
    var reader = sessions[0].Cookies;
    Console.WriteLine($"List and search with {petitionCount:N0} petitions and {seed.Signatures + signerCount + WarmUpSigners * WarmUpPetitions:N0} signatures, {lists:N0} GETs each, concurrency 4 (target p95 < 50 ms)");
    Console.WriteLine(Header());
    foreach (var path in new[]
             {
                 "/petitions", "/petitions?sort=MostSigned", "/petitions?sort=ClosingSoon&page=50", "/petitions?tab=Answered",
                 "/petitions?field=transport&region=bupyeong", "/petitions?q=" + Uri.EscapeDataString("버스"), "/petitions?q=" + Uri.EscapeDataString("없는검색어"),
                 "/petitions?tab=Closed&q=" + Uri.EscapeDataString("공원"),
             })
    {
        var rendered = await RunAsync(Enumerable.Repeat(path, lists).ToArray(), 4, (p, client) => GetAsync(client, p, reader), http, warmUp: 50);
        Console.WriteLine(Row(Uri.UnescapeDataString(path) + " (logged in)", rendered) + $"  {(rendered.P95 < 50 ? "met" : "NOT met")}");
        var shared = await RunAsync(Enumerable.Repeat(path, lists).ToArray(), 4, (p, client) => GetAsync(client, p), http, warmUp: 50);
        Console.WriteLine(Row(Uri.UnescapeDataString(path) + " (anonymous)", shared) + $"  {(shared.P95 < 50 ? "met" : "NOT met")}");
    }
}
finally
{
    if (!site.HasExited)
    {
        site.Kill(entireProcessTree: true);
        await site.WaitForExitAsync();
    }

    SqliteConnection.ClearAllPools();
    try { Directory.Delete(dataPath, recursive: true); } catch (IOException) { }
}

// The machine's CPU time counters (/proc/stat): on a shared virtual machine the hypervisor "steals" a
// varying share of it, which moves every figure here from run to run.
static long[] MachineTimes() =>
    File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();

static double Stolen(long[] before, long[] after)
{
    // user nice system idle iowait irq softirq steal (guest time is counted in user already)
    var delta = Enumerable.Range(0, 8).Select(i => after[i] - before[i]).ToArray();
    return delta.Sum() == 0 ? 0 : (double)delta[7] / delta.Sum();
}

static string Header() => $"  {"",-56} {"req/s",9} {"p50",9} {"p95",9} {"p99",9} {"max",9}";

static string Row(string label, Result r) =>
    $"  {label,-56} {r.Throughput,9:0} {r.P50,7:0.00}ms {r.P95,7:0.00}ms {r.P99,7:0.00}ms {r.Max,7:0.0}ms";

// A line for PostEachAsync: the signer's cookies and the sign form (antiforgery token, kind, empty comment).
static string SignLine(Session session) =>
    $"{session.Cookies}\t__RequestVerificationToken={Uri.EscapeDataString(session.Token)}&kind=Agree&comment=";

// A line for the baseline's raw insert: no cookie, a new person each time.
static string InsertLine() => $"\tuser={Guid.NewGuid()}&kind=Agree&comment=";

// wrk (Debian package) as the load generator, one connection per wrk thread (see bench/wrk/load.lua): with a
// list of requests each is sent once and wrk is interrupted when every thread has its answers; without
// one, the URL is read for the given seconds.
static async Task<Result> WrkAsync(string url, string script, int connections, string[] scriptArgs, int? seconds = null)
{
    var threads = connections;
    var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var arg in new[] { "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", connections.ToString(CultureInfo.InvariantCulture),
                 "-d", $"{seconds ?? 600}s", "--timeout", "60s", "-s", script, url })
    {
        start.ArgumentList.Add(arg);
    }

    if (seconds is null)
    {
        start.ArgumentList.Add("--");
        foreach (var arg in scriptArgs.Append(threads.ToString(CultureInfo.InvariantCulture)))
        {
            start.ArgumentList.Add(arg);
        }
    }

    using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start");
    var errors = wrk.StandardError.ReadToEndAsync();
    string? result = null;
    var finished = 0;
    while (await wrk.StandardOutput.ReadLineAsync() is { } line)
    {
        if (line == "FINISHED" && ++finished == threads)
        {
            Native.Interrupt(wrk.Id);
        }
        else if (line.StartsWith("RESULT ", StringComparison.Ordinal))
        {
            result = line;
        }
    }

    await wrk.WaitForExitAsync();
    if (result is null)
    {
        throw new InvalidOperationException("wrk gave no result: " + await errors);
    }

    var f = result.Split(' ').Skip(1).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
    return new Result(f[0] / f[2], f[3], f[4], f[5], f[6], (int)f[1]);
}

static async Task<bool> GetAsync(HttpClient client, string path, string? cookies = null)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, path);
    if (cookies is not null) request.Headers.Add("Cookie", cookies);
    using var response = await client.SendAsync(request);
    await response.Content.ReadAsByteArrayAsync();
    return response.StatusCode == HttpStatusCode.OK;
}

static async Task<Result> RunAsync<T>(T[] items, int concurrency, Func<T, HttpClient, Task<bool>> send, HttpClient client, int warmUp = 0)
{
    for (var i = 0; i < warmUp; i++)
    {
        await send(items[i % items.Length], client);
    }

    var timings = new double[items.Length];
    var failures = 0;
    var next = -1;
    var total = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < items.Length)
        {
            var started = Stopwatch.GetTimestamp();
            if (!await send(items[i], client)) Interlocked.Increment(ref failures);
            timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    }));
    var elapsed = total.Elapsed.TotalSeconds;
    Array.Sort(timings);
    double At(double q) => timings[Math.Min(timings.Length - 1, (int)(timings.Length * q))];
    return new Result(items.Length / elapsed, At(0.50), At(0.95), At(0.99), timings[^1], failures);
}

// One anonymous visit to the log-in page: its antiforgery cookie and token serve every log-in that follows.
static async Task<(string Cookie, string Token)> LoginFormAsync(HttpClient client)
{
    using var form = await client.GetAsync("/account/login");
    var cookie = form.Headers.GetValues("Set-Cookie").Select(v => v.Split(';', 2)[0]).Single(v => v.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
    return (cookie, Token(await form.Content.ReadAsStringAsync(), null));
}

static async Task<Session> LogInAsync(HttpClient client, (string Cookie, string Token) form, string email, string password, int petition)
{
    var cookies = new Dictionary<string, string>();
    string Header() => string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));
    void Keep(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values)) return;
        foreach (var value in values)
        {
            var pair = value.Split(';', 2)[0];
            var eq = pair.IndexOf('=');
            if (eq > 0) cookies[pair[..eq]] = pair[(eq + 1)..];
        }
    }

    var eq = form.Cookie.IndexOf('=');
    cookies[form.Cookie[..eq]] = form.Cookie[(eq + 1)..];
    using var login = new HttpRequestMessage(HttpMethod.Post, "/account/login")
    {
        Content = new FormUrlEncodedContent([new("__RequestVerificationToken", form.Token), new("Email", email), new("Password", password), new("ReturnUrl", "/")]),
    };
    login.Headers.Add("Cookie", Header());
    using var loggedIn = await client.SendAsync(login);
    Keep(loggedIn);
    if (loggedIn.StatusCode != HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"Log-in of {email} failed: {(int)loggedIn.StatusCode}");
    }

    using var page = new HttpRequestMessage(HttpMethod.Get, $"/petitions/{petition}");
    page.Headers.Add("Cookie", Header());
    using var petitionPage = await client.SendAsync(page);
    Keep(petitionPage);
    var signToken = Token(await petitionPage.Content.ReadAsStringAsync(), "sign-form");
    return new Session(Header(), signToken);
}

static string Token(string html, string? formId)
{
    var start = formId is null ? 0 : html.IndexOf($"id=\"{formId}\"", StringComparison.Ordinal);
    if (start < 0) throw new InvalidOperationException($"No form {formId} on the page.");
    var match = Regex.Match(html[start..], "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
    if (!match.Success) match = Regex.Match(html[start..], "type=\"hidden\" name=\"__RequestVerificationToken\" value=\"([^\"]+)\"");
    return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on the page.");
}

static Seeded Seed(string database, int citizenCount, int petitionCount, int signatureCount, int signers, int warmUps, int warmUpSigners)
{
    using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
    connection.Open();
    using (var pragma = connection.CreateCommand())
    {
        pragma.CommandText = "PRAGMA busy_timeout=10000; PRAGMA synchronous=OFF;";
        pragma.ExecuteNonQuery();
    }

    using var transaction = connection.BeginTransaction();
    SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var p in parameters) command.Parameters.Add(new SqliteParameter(p, null));
        return command;
    }

    // Columns that later migrations may add: any NOT NULL column without a default gets a neutral value.
    string Insert(string table, IReadOnlyList<string> columns)
    {
        using var info = Command($"PRAGMA table_info(\"{table}\")");
        using var reader = info.ExecuteReader();
        var names = new List<string>(columns);
        var values = columns.Select(c => "$" + c).ToList();
        while (reader.Read())
        {
            var (name, type, notNull, hasDefault, pk) = (reader.GetString(1), reader.GetString(2), reader.GetInt32(3) == 1, !reader.IsDBNull(4), reader.GetInt32(5) > 0);
            if (notNull && !hasDefault && !pk && !columns.Contains(name))
            {
                names.Add(name);
                values.Add(type.Equals("TEXT", StringComparison.OrdinalIgnoreCase) ? "''" : "0");
            }
        }

        return $"INSERT INTO \"{table}\" ({string.Join(", ", names.Select(n => $"\"{n}\""))}) VALUES ({string.Join(", ", values)})";
    }

    string[] districts = ["incheon", "jung", "dong", "michuhol", "yeonsu", "namdong", "bupyeong", "gyeyang", "seo", "ganghwa", "ongjin"];
    string[] codes = ["transport", "water", "parks", "welfare", "environment", "culture", "economy", "safety", "education", "housing"];
    var regionIds = new List<int>();
    var order = 0;
    foreach (var code in districts)
    {
        using var insert = Command("INSERT INTO Regions (Code, NameKo, NameEn, Kind, SortOrder) VALUES ($c, $c, $c, $k, $o); SELECT last_insert_rowid();", "$c", "$k", "$o");
        insert.Parameters["$c"].Value = code;
        insert.Parameters["$k"].Value = code == "incheon" ? 0 : 1;
        insert.Parameters["$o"].Value = order += 10;
        regionIds.Add(Convert.ToInt32(insert.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    var fieldIds = new List<int>();
    foreach (var code in codes)
    {
        using var field = Command("INSERT INTO PolicyFields (Code, NameKo, NameEn, SortOrder) VALUES ($c, $c, $c, 0); SELECT last_insert_rowid();", "$c");
        field.Parameters["$c"].Value = code;
        fieldIds.Add(Convert.ToInt32(field.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    // Site settings: the per-IP signing limit is per minute and every request here comes from 127.0.0.1.
    // The petitions settings are one JSON document (ISettings<PetitionSettings>, stored under the key "Petitions").
    using (var setting = Command("""
        INSERT INTO SiteSettings (Key, Value) VALUES ('Petitions', json_object('signPerIpPerMinute', 100000000))
        ON CONFLICT (Key) DO UPDATE SET Value = json_set(Value, '$.signPerIpPerMinute', 100000000)
        """))
    {
        setting.ExecuteNonQuery();
    }

    // One password hash for everyone, with few iterations so that thousands of log-ins take seconds
    // (the site is started with the same iteration count, so it does not rehash them at log-in).
    var hasher = new PasswordHasher<object>(Options.Create(new PasswordHasherOptions { IterationCount = 1000 }));
    var hash = hasher.HashPassword(new object(), "Bench!2345");
    var random = new Random(42);
    var now = DateTime.UtcNow;
    string Time(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    string[] userColumns = ["Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash", "SecurityStamp", "ConcurrencyStamp",
        "DisplayName", "RegionId", "ConfirmedAge14OrOver", "ResidentVerified", "PreferredCulture", "CreatedAt", "LockoutEnabled", "AccessFailedCount", "PhoneNumberConfirmed", "TwoFactorEnabled"];
    using var user = Command(Insert("AspNetUsers", userColumns), userColumns.Select(c => "$" + c).ToArray());
    var userIds = new string[citizenCount];
    string[] surnames = ["김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"];
    for (var i = 0; i < citizenCount; i++)
    {
        userIds[i] = Guid.NewGuid().ToString().ToUpperInvariant();
        var email = $"citizen{i}@bench.example";
        user.Parameters["$Id"].Value = userIds[i];
        user.Parameters["$UserName"].Value = email;
        user.Parameters["$NormalizedUserName"].Value = email.ToUpperInvariant();
        user.Parameters["$Email"].Value = email;
        user.Parameters["$NormalizedEmail"].Value = email.ToUpperInvariant();
        user.Parameters["$EmailConfirmed"].Value = 1;
        user.Parameters["$PasswordHash"].Value = hash;
        user.Parameters["$SecurityStamp"].Value = Guid.NewGuid().ToString("N").ToUpperInvariant();
        user.Parameters["$ConcurrencyStamp"].Value = Guid.NewGuid().ToString();
        user.Parameters["$DisplayName"].Value = surnames[i % surnames.Length] + "시민" + i.ToString(CultureInfo.InvariantCulture);
        user.Parameters["$RegionId"].Value = regionIds[1 + i % (regionIds.Count - 1)];
        user.Parameters["$ConfirmedAge14OrOver"].Value = 1;
        user.Parameters["$ResidentVerified"].Value = i % 3 == 0 ? 1 : 0;
        user.Parameters["$PreferredCulture"].Value = i % 10 == 0 ? "en" : "ko";
        user.Parameters["$CreatedAt"].Value = Time(now.AddDays(-random.Next(1000)));
        user.Parameters["$LockoutEnabled"].Value = 1;
        user.Parameters["$AccessFailedCount"].Value = 0;
        user.Parameters["$PhoneNumberConfirmed"].Value = 0;
        user.Parameters["$TwoFactorEnabled"].Value = 0;
        user.ExecuteNonQuery();
    }

    // Petitions: most closed or answered, a share open; titles varied enough for search to mean something.
    string[] subjects = ["마을버스 배차 간격", "공원 산책로 조명", "어린이 보호구역 과속 단속", "도서관 야간 개관", "버스 정류장 온열 의자", "하천 악취",
        "전통시장 주차장", "청년 월세 지원", "지하철 막차 연장", "반려견 놀이터", "미세먼지 측정소", "자전거 도로 정비", "경로당 냉난방", "공원 화장실"];
    string[] asks = ["개선해 주세요", "확대해 주세요", "설치해 주세요", "재검토해 주세요", "지원해 주세요"];
    string[] petitionColumns = ["Title", "Body", "PolicyFieldId", "RegionId", "AuthorId", "AuthorName", "Status", "CreatedAt", "UpdatedAt", "SubmittedAt", "PublishedAt", "ClosesAt", "ClosedAt",
        "AgreementsRequired", "AgreementCount", "NeedsModeration", "SignatureCount", "DisagreementCount", "ThresholdReachedAt", "AnswerDueAt", "AnswerText", "AnsweringOfficial", "AnsweredAt"];
    using var petition = Command(Insert("Petitions", petitionColumns) + "; SELECT last_insert_rowid();", petitionColumns.Select(c => "$" + c).ToArray());
    var petitionIds = new int[petitionCount];
    var statuses = new int[petitionCount];
    for (var i = 0; i < petitionCount; i++)
    {
        var last = i >= petitionCount - 1 - warmUps; // the warm-up petitions and the hot one: open, newest
        var published = last ? now.AddDays(-1) : now.AddDays(-random.Next(1, 900));
        var closes = published.AddDays(30);
        var status = last ? 3 : closes > now ? (random.NextDouble() < 0.8 ? 3 : 4) : random.NextDouble() switch { < 0.15 => 5, < 0.25 => 7, _ => 6 };
        statuses[i] = status;
        var subject = subjects[random.Next(subjects.Length)];
        var author = random.Next(citizenCount);
        petition.Parameters["$Title"].Value = $"{subject} {asks[random.Next(asks.Length)]} ({i + 1})";
        petition.Parameters["$Body"].Value = $"{subject} 문제로 많은 시민이 불편을 겪고 있습니다.\n\n- 현장 점검을 요청합니다\n- 예산 반영을 검토해 주십시오\n\n**시민 {i + 1}** 드림";
        petition.Parameters["$PolicyFieldId"].Value = fieldIds[random.Next(fieldIds.Count)];
        petition.Parameters["$RegionId"].Value = regionIds[random.Next(regionIds.Count)];
        petition.Parameters["$AuthorId"].Value = userIds[author];
        petition.Parameters["$AuthorName"].Value = "시민" + author.ToString(CultureInfo.InvariantCulture);
        petition.Parameters["$Status"].Value = status;
        petition.Parameters["$CreatedAt"].Value = Time(published.AddDays(-2));
        petition.Parameters["$UpdatedAt"].Value = Time(published);
        petition.Parameters["$SubmittedAt"].Value = Time(published.AddDays(-1));
        petition.Parameters["$PublishedAt"].Value = Time(published);
        petition.Parameters["$ClosesAt"].Value = Time(closes);
        petition.Parameters["$ClosedAt"].Value = status is 5 or 6 or 7 ? Time(closes < now ? closes : now) : DBNull.Value;
        petition.Parameters["$AgreementsRequired"].Value = 0;
        petition.Parameters["$AgreementCount"].Value = 0;
        petition.Parameters["$NeedsModeration"].Value = 1;
        petition.Parameters["$SignatureCount"].Value = 0;
        petition.Parameters["$DisagreementCount"].Value = 0;
        petition.Parameters["$ThresholdReachedAt"].Value = status is 4 or 5 ? Time(published.AddDays(10)) : DBNull.Value;
        petition.Parameters["$AnswerDueAt"].Value = status is 4 or 5 ? Time(closes.AddDays(10)) : DBNull.Value;
        petition.Parameters["$AnswerText"].Value = status == 5 ? "관계 부서와 협의하여 추진하겠습니다." : DBNull.Value;
        petition.Parameters["$AnsweringOfficial"].Value = status == 5 ? "담당 과장" : DBNull.Value;
        petition.Parameters["$AnsweredAt"].Value = status == 5 ? Time(closes.AddDays(5)) : DBNull.Value;
        petitionIds[i] = Convert.ToInt32(petition.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    var hot = petitionIds[^1];
    var warmUpIds = petitionIds[^(1 + warmUps)..^1];
    const int threshold = 3000, agenda = 10000;
    // The hot petition starts below the answer threshold and crosses it half-way through the run, so the
    // threshold's email fan-out (to every signer and staff) happens inside the measurement.
    var hotStart = Math.Max(0, threshold - (signers / 2));
    var counts = new int[petitionCount];
    counts[^1] = hotStart;
    // The first warm-up petition starts near the agenda threshold, so that the warm-up also runs what
    // crossing it does (an outcome for the registry) once before the hot petition crosses it at the end of
    // the measured run; that first run compiled the registry's code and EF Core's accessors for its
    // entities and held the signature writer for about 0.4 s.
    counts[^(1 + warmUps)] = Math.Min(citizenCount - signers, Math.Max(0, agenda - (warmUpSigners / 2)));
    var rest = signatureCount - hotStart - counts[^(1 + warmUps)];
    // A skewed spread: a few petitions gather many signatures, most few.
    var others = petitionCount - 1 - warmUps;
    var weights = Enumerable.Range(0, others).Select(_ => Math.Pow(random.NextDouble(), 4)).ToArray();
    var sum = weights.Sum();
    var spread = 0;
    for (var i = 0; i < others; i++)
    {
        counts[i] = Math.Min(citizenCount - signers, (int)(rest * weights[i] / sum));
        spread += counts[i];
    }

    for (var i = 0; spread < rest; i = (i + 1) % others)
    {
        if (counts[i] < citizenCount - signers) { counts[i]++; spread++; }
    }

    string[] signatureColumns = ["PetitionId", "UserId", "Kind", "SignerName", "RegionId", "Comment", "CreatedAt", "IpAddress", "EmailDomain"];
    using var signature = Command(Insert("PetitionSignatures", signatureColumns), signatureColumns.Select(c => "$" + c).ToArray());
    using var count = Command("UPDATE Petitions SET SignatureCount = $n WHERE Id = $id", "$n", "$id");
    var total = 0;
    for (var i = 0; i < petitionCount; i++)
    {
        // Distinct signers per petition, never one of the bench's own log-ins (citizens 0 .. signers-1).
        var first = signers + random.Next(citizenCount - signers);
        for (var j = 0; j < counts[i]; j++)
        {
            var u = signers + (first - signers + j) % (citizenCount - signers);
            signature.Parameters["$PetitionId"].Value = petitionIds[i];
            signature.Parameters["$UserId"].Value = userIds[u];
            signature.Parameters["$Kind"].Value = 0;
            signature.Parameters["$SignerName"].Value = "시민" + u.ToString(CultureInfo.InvariantCulture);
            signature.Parameters["$RegionId"].Value = regionIds[1 + u % (regionIds.Count - 1)];
            signature.Parameters["$Comment"].Value = j % 20 == 0 ? "동의합니다." : DBNull.Value;
            signature.Parameters["$CreatedAt"].Value = Time(now.AddMinutes(-random.Next(60 * 24 * 30)));
            signature.Parameters["$IpAddress"].Value = $"10.{u % 250}.{u / 250 % 250}.{u % 7}";
            signature.Parameters["$EmailDomain"].Value = "bench.example";
            signature.ExecuteNonQuery();
        }

        count.Parameters["$n"].Value = counts[i];
        count.Parameters["$id"].Value = petitionIds[i];
        count.ExecuteNonQuery();
        total += counts[i];
    }

    transaction.Commit();
    using var analyze = connection.CreateCommand();
    analyze.CommandText = "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);";
    analyze.ExecuteNonQuery();
    return new Seeded(hot, warmUpIds, hotStart, threshold, total);
}

static (long Counter, long Rows) Counts(string database, int petition)
{
    using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = $"SELECT SignatureCount FROM Petitions WHERE Id = {petition}; ";
    var counter = Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    command.CommandText = $"SELECT COUNT(*) FROM PetitionSignatures WHERE PetitionId = {petition} AND Kind = 0 AND InvalidationId IS NULL";
    return (counter, Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture));
}

// Public petitions (Open 3 … Rejected 7) whose search index entries are not written yet.
static long NotIndexed(string database)
{
    using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT COUNT(*) FROM Petitions WHERE SearchIndexVersion = 0 AND Status BETWEEN 3 AND 7";
    return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
}

static string Status(string database, int petition)
{
    using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = $"SELECT Status, ThresholdReachedAt IS NOT NULL, (SELECT COUNT(*) FROM OutboxMessages), " +
                          $"(SELECT CutoffSignatureId FROM PetitionMailings WHERE PetitionId = {petition} ORDER BY Id LIMIT 1) FROM Petitions WHERE Id = {petition}";
    using var reader = command.ExecuteReader();
    reader.Read();
    var mailing = reader.IsDBNull(3) ? "none" : $"one, to the signers up to signature {reader.GetInt64(3):N0}, for the outbox sender to expand outside the signing requests";
    return $"{(reader.GetInt32(0) == 4 ? "AwaitingAnswer" : reader.GetInt32(0).ToString(CultureInfo.InvariantCulture))}, threshold reached: {reader.GetInt32(1) == 1}, " +
           $"emails queued: {reader.GetInt64(2):N0} (staff), signer mailing: {mailing}";
}

internal sealed record Session(string Cookies, string Token);

internal static class Native
{
    /// <summary>SIGINT, which ends wrk's run early with its report (the signal goes to its main thread).</summary>
    public static void Interrupt(int pid)
    {
        if (Kill(pid, 2) != 0)
        {
            throw new InvalidOperationException("Could not interrupt wrk");
        }
    }

    [DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);
}

internal sealed record Seeded(int Hot, int[] WarmUps, int HotStart, int Threshold, int Signatures);

internal sealed record Result(double Throughput, double P50, double P95, double P99, double Max, int Failures);
