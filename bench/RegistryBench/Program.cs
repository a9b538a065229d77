using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

// Starts the site (Release build) on a fresh SQLite database, seeds tasks and activities in bulk,
// then measures the dashboard, the map data and a task page against a minimal Kestrel endpoint that
// serves the same bytes from memory, in the same run.
var siteDll = Path.GetFullPath(args.ElementAtOrDefault(0) ?? throw new ArgumentException("usage: RegistryBench <path to CitizenParticipation.Web.dll> [tasks] [activities] [requests] [concurrency]"));
var taskCount = int.Parse(args.ElementAtOrDefault(1) ?? "10000", CultureInfo.InvariantCulture);
var activityCount = int.Parse(args.ElementAtOrDefault(2) ?? "100000", CultureInfo.InvariantCulture);
var requests = int.Parse(args.ElementAtOrDefault(3) ?? "2000", CultureInfo.InvariantCulture);
var concurrency = int.Parse(args.ElementAtOrDefault(4) ?? "8", CultureInfo.InvariantCulture);

var dataPath = Path.Combine(Path.GetTempPath(), "cp-bench-" + Guid.NewGuid().ToString("N"));
Directory.CreateDirectory(dataPath);
var port = BenchSite.FreePort();
var siteUrl = $"http://127.0.0.1:{port}";
var start = new ProcessStartInfo("dotnet", [siteDll, "--urls", siteUrl])
{
    WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(siteDll))!,
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
using var site = Process.Start(start)!;
site.OutputDataReceived += (_, _) => { };
site.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("site: " + e.Data); };
site.BeginOutputReadLine();
site.BeginErrorReadLine();

using var http = new HttpClient { BaseAddress = new Uri(siteUrl), Timeout = TimeSpan.FromSeconds(60) };
try
{
    await BenchSite.WaitForAsync(http, "/health", TimeSpan.FromSeconds(120));
    var database = Directory.GetFiles(dataPath, "*.db").Single();
    var seeding = Stopwatch.StartNew();
    var firstTask = Seed(database, taskCount, activityCount);
    Console.WriteLine($"Seeded {taskCount:N0} tasks and {activityCount:N0} activities in {seeding.Elapsed.TotalSeconds:0.0} s");

    var taskPage = $"/mayors-office/tasks/{firstTask + taskCount / 2}";
    string[] paths = ["/mayors-office", "/mayors-office/map-data", taskPage];
    var bodies = new Dictionary<string, (byte[] Body, string ContentType)>();
    foreach (var path in paths)
    {
        using var response = await http.GetAsync(path);
        response.EnsureSuccessStatusCode();
        bodies[path] = (await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentType!.ToString());
    }

    // Baseline: the same bytes, from memory, by a bare Kestrel in this process.
    var baselinePort = BenchSite.FreePort();
    var builder = WebApplication.CreateSlimBuilder();
    builder.Logging.ClearProviders();
    builder.WebHost.UseUrls($"http://127.0.0.1:{baselinePort}");
    await using var baseline = builder.Build();
    baseline.Run(context =>
    {
        var key = context.Request.Path.Value + context.Request.QueryString.Value;
        if (!bodies.TryGetValue(key, out var body)) { context.Response.StatusCode = 404; return Task.CompletedTask; }
        context.Response.ContentType = body.ContentType;
        context.Response.ContentLength = body.Body.Length;
        return context.Response.Body.WriteAsync(body.Body).AsTask();
    });
    await baseline.StartAsync();
    using var baselineHttp = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{baselinePort}") };

    Console.WriteLine($"{requests:N0} requests per endpoint, concurrency {concurrency}, after {Math.Min(200, requests / 10)} warm-up requests");
    Console.WriteLine($"{"endpoint",-34} {"bytes",9} {"site p50",10} {"site p95",10} {"base p50",10} {"base p95",10} {"p50 x",7} {"p95 x",7} {"site req/s",11}");
    foreach (var path in paths)
    {
        var s = await MeasureAsync(http, path, requests, concurrency);
        var b = await MeasureAsync(baselineHttp, path, requests, concurrency);
        var label = path == taskPage ? "/mayors-office/tasks/{id}" : path;
        Console.WriteLine($"{label,-34} {bodies[path].Body.Length,9:N0} {s.P50,8:0.00}ms {s.P95,8:0.00}ms {b.P50,8:0.00}ms {b.P95,8:0.00}ms {s.P50 / b.P50,7:0.0} {s.P95 / b.P95,7:0.0} {s.Throughput,11:0}");
    }

    // The same site with the dashboard cache off: what every request would cost without it (and the first one after a change costs).
    site.Kill(entireProcessTree: true);
    await site.WaitForExitAsync();
    var uncachedUrl = $"http://127.0.0.1:{BenchSite.FreePort()}";
    var uncachedStart = new ProcessStartInfo("dotnet", [siteDll, "--urls", uncachedUrl])
    {
        WorkingDirectory = start.WorkingDirectory,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
    };
    foreach (var (name, value) in start.Environment) uncachedStart.Environment[name] = value;
    uncachedStart.Environment["Registry__DashboardCacheSeconds"] = "0";
    uncachedStart.Environment["App__PublicBaseUrl"] = uncachedUrl;
    using var uncached = Process.Start(uncachedStart)!;
    uncached.OutputDataReceived += (_, _) => { };
    uncached.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("site: " + e.Data); };
    uncached.BeginOutputReadLine();
    uncached.BeginErrorReadLine();
    try
    {
        using var uncachedHttp = new HttpClient { BaseAddress = new Uri(uncachedUrl), Timeout = TimeSpan.FromSeconds(60) };
        await BenchSite.WaitForAsync(uncachedHttp, "/health", TimeSpan.FromSeconds(120));
        var fewer = Math.Max(100, requests / 4);
        Console.WriteLine($"Dashboard cache off (Registry:DashboardCacheSeconds=0), {fewer:N0} requests per endpoint:");
        foreach (var path in paths.Take(2))
        {
            var s = await MeasureAsync(uncachedHttp, path, fewer, concurrency);
            Console.WriteLine($"{path + " (no cache)",-34} {"",9} {s.P50,8:0.00}ms {s.P95,8:0.00}ms {"",10} {"",10} {"",7} {"",7} {s.Throughput,11:0}");
        }
    }
    finally
    {
        if (!uncached.HasExited)
        {
            uncached.Kill(entireProcessTree: true);
            await uncached.WaitForExitAsync();
        }
    }

    ExplainQueryPlans(database);
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

static async Task<(double P50, double P95, double Throughput)> MeasureAsync(HttpClient client, string path, int count, int concurrency)
{
    for (var i = 0; i < Math.Min(200, count / 10); i++)
    {
        using var warm = await client.GetAsync(path);
        await warm.Content.ReadAsByteArrayAsync();
    }

    var timings = new double[count];
    var next = -1;
    var total = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode}");
            timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        }
    }));
    var elapsed = total.Elapsed.TotalSeconds;
    Array.Sort(timings);
    return (timings[(int)(count * 0.50)], timings[Math.Min(count - 1, (int)(count * 0.95))], count / elapsed);
}

static int Seed(string database, int taskCount, int activityCount)
{
    using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
    connection.Open();
    using (var pragma = connection.CreateCommand())
    {
        pragma.CommandText = "PRAGMA busy_timeout=10000; PRAGMA synchronous=OFF;";
        pragma.ExecuteNonQuery();
    }

    using var transaction = connection.BeginTransaction();
    SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    string[] districts = ["jung", "dong", "michuhol", "yeonsu", "namdong", "bupyeong", "gyeyang", "seo", "ganghwa", "ongjin"];
    string[] codes = ["transport", "water", "parks", "welfare", "environment", "culture", "economy", "safety", "education", "housing", "maritime", "administration"];
    var regionIds = new List<int>();
    var order = 0;
    foreach (var (code, kind) in districts.Select(d => (d, 1)).Prepend(("incheon", 0)))
    {
        using var insert = Command("INSERT INTO Regions (Code, NameKo, NameEn, Kind, SortOrder) VALUES ($c, $c, $c, $k, $o); SELECT last_insert_rowid();");
        insert.Parameters.AddWithValue("$c", code);
        insert.Parameters.AddWithValue("$k", kind);
        insert.Parameters.AddWithValue("$o", order += 10);
        regionIds.Add(Convert.ToInt32(insert.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    var fieldIds = new List<int>();
    var departmentIds = new List<int>();
    foreach (var code in codes)
    {
        using var field = Command("INSERT INTO PolicyFields (Code, NameKo, NameEn, SortOrder) VALUES ($c, $c, $c, 0); SELECT last_insert_rowid();");
        field.Parameters.AddWithValue("$c", code);
        fieldIds.Add(Convert.ToInt32(field.ExecuteScalar(), CultureInfo.InvariantCulture));
        using var department = Command("INSERT INTO Departments (Code, NameKo, NameEn, SortOrder) VALUES ($c, $c, $c, 0); SELECT last_insert_rowid();");
        department.Parameters.AddWithValue("$c", code);
        departmentIds.Add(Convert.ToInt32(department.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    var random = new Random(42);
    var now = DateTime.UtcNow;
    using var task = Command("""
        INSERT INTO RegistryTasks (Title, Summary, Kind, PolicyFieldId, DepartmentId, OfficerName, Latitude, Longitude, StartDate, TargetDate, Status, Progress, ParentId, Weight, IsPublic, CreatedAt, UpdatedAt)
        VALUES ($title, $summary, $kind, $field, $department, '', $lat, $lon, '2025-01-01', '2027-12-31', $status, $progress, NULL, 1, $public, $created, $updated);
        SELECT last_insert_rowid();
        """);
    foreach (var name in new[] { "$title", "$summary", "$kind", "$field", "$department", "$lat", "$lon", "$status", "$progress", "$public", "$created", "$updated" })
    {
        task.Parameters.Add(new SqliteParameter(name, null));
    }

    using var region = Command("INSERT INTO RegistryTaskRegions (TaskId, RegionId) VALUES ($t, $r)");
    region.Parameters.Add(new SqliteParameter("$t", null));
    region.Parameters.Add(new SqliteParameter("$r", null));
    var taskIds = new int[taskCount];
    for (var i = 0; i < taskCount; i++)
    {
        var hasPoint = random.NextDouble() < 0.3;
        task.Parameters["$title"].Value = $"정책 과제 {i + 1}: 시민 생활 개선 사업";
        task.Parameters["$summary"].Value = "벤치마크용 과제 설명입니다. **마크다운** 본문.";
        task.Parameters["$kind"].Value = random.Next(4);
        task.Parameters["$field"].Value = fieldIds[random.Next(fieldIds.Count)];
        task.Parameters["$department"].Value = departmentIds[random.Next(departmentIds.Count)];
        task.Parameters["$lat"].Value = hasPoint ? 37.38 + random.NextDouble() * 0.2 : DBNull.Value;
        task.Parameters["$lon"].Value = hasPoint ? 126.60 + random.NextDouble() * 0.18 : DBNull.Value;
        task.Parameters["$status"].Value = random.Next(5);
        task.Parameters["$progress"].Value = random.Next(101);
        task.Parameters["$public"].Value = random.NextDouble() < 0.9 ? 1 : 0;
        task.Parameters["$created"].Value = now.AddDays(-random.Next(700)).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        task.Parameters["$updated"].Value = now.AddMinutes(-random.Next(500000)).ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        taskIds[i] = Convert.ToInt32(task.ExecuteScalar(), CultureInfo.InvariantCulture);
        foreach (var r in regionIds.OrderBy(_ => random.Next()).Take(1 + (random.NextDouble() < 0.2 ? 1 : 0)))
        {
            region.Parameters["$t"].Value = taskIds[i];
            region.Parameters["$r"].Value = r;
            region.ExecuteNonQuery();
        }
    }

    // The middle task (the one measured) is public and has a typical timeline.
    using (var publicTask = Command($"UPDATE RegistryTasks SET IsPublic = 1 WHERE Id = {taskIds[taskCount / 2]}"))
    {
        publicTask.ExecuteNonQuery();
    }

    using var activity = Command("""
        INSERT INTO RegistryActivities (TaskId, Kind, OccurredOn, AuthorName, Text, IsPublic, ProgressAfter, CreatedAt)
        VALUES ($task, $kind, $on, '담당자', $text, $public, NULL, $created)
        """);
    foreach (var name in new[] { "$task", "$kind", "$on", "$text", "$public", "$created" })
    {
        activity.Parameters.Add(new SqliteParameter(name, null));
    }

    for (var i = 0; i < activityCount; i++)
    {
        var created = now.AddMinutes(-random.Next(500000));
        activity.Parameters["$task"].Value = taskIds[i % taskCount];
        activity.Parameters["$kind"].Value = random.Next(5);
        activity.Parameters["$on"].Value = created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        activity.Parameters["$text"].Value = $"추진 경과 {i + 1}: 관계 부서 협의와 현장 점검을 진행했습니다.";
        activity.Parameters["$public"].Value = random.NextDouble() < 0.9 ? 1 : 0;
        activity.Parameters["$created"].Value = created.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        activity.ExecuteNonQuery();
    }

    transaction.Commit();
    using var analyze = connection.CreateCommand();
    analyze.CommandText = "ANALYZE;";
    analyze.ExecuteNonQuery();
    return taskIds[0];
}

// The dashboard's queries in the shape EF Core writes them, to see which indexes SQLite uses.
static void ExplainQueryPlans(string database)
{
    using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
    connection.Open();
    (string Name, string Sql)[] queries =
    [
        ("per field", "SELECT PolicyFieldId, COUNT(*), AVG(CAST(Progress AS REAL)) FROM RegistryTasks WHERE IsPublic GROUP BY PolicyFieldId"),
        ("per region", "SELECT r.RegionId, COUNT(*), AVG(CAST(t.Progress AS REAL)), COUNT(CASE WHEN t.Latitude IS NOT NULL AND t.Longitude IS NOT NULL THEN 1 END) FROM RegistryTaskRegions AS r INNER JOIN (SELECT Id, Progress, Latitude, Longitude FROM RegistryTasks WHERE IsPublic) AS t ON r.TaskId = t.Id GROUP BY r.RegionId"),
        ("per region, one field", "SELECT r.RegionId, COUNT(*) FROM RegistryTaskRegions AS r INNER JOIN (SELECT Id FROM RegistryTasks WHERE IsPublic AND PolicyFieldId = 1) AS t ON r.TaskId = t.Id GROUP BY r.RegionId"),
        ("one region's tasks", "SELECT Id FROM RegistryTasks AS t WHERE IsPublic AND EXISTS (SELECT 1 FROM RegistryTaskRegions AS r WHERE t.Id = r.TaskId AND r.RegionId = 3) ORDER BY UpdatedAt DESC, Id DESC LIMIT 20"),
        ("markers", "SELECT Id, Title, Latitude, Longitude FROM RegistryTasks WHERE IsPublic AND Latitude IS NOT NULL AND Longitude IS NOT NULL ORDER BY UpdatedAt DESC, Id DESC LIMIT 200"),
        ("task list page", "SELECT Id, Title FROM RegistryTasks WHERE IsPublic ORDER BY UpdatedAt DESC, Id DESC LIMIT 20 OFFSET 0"),
        ("task timeline", "SELECT Id FROM RegistryActivities WHERE TaskId = 5000 AND IsPublic ORDER BY OccurredOn DESC, Id DESC"),
    ];
    Console.WriteLine("EXPLAIN QUERY PLAN (SQLite):");
    foreach (var (name, sql) in queries)
    {
        using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = explain.ExecuteReader();
        var steps = new List<string>();
        while (reader.Read()) steps.Add(reader.GetString(3));
        Console.WriteLine($"  {name}: {string.Join(" / ", steps)}");
    }
}

