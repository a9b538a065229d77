using System.Net;
using System.Net.Sockets;

/// <summary>What every bench needs to start a site and its baseline on this machine; compiled into each bench.</summary>
internal static class BenchSite
{
    public static async Task WaitForAsync(HttpClient client, string path, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                using var response = await client.GetAsync(path);
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
            }

            if (DateTime.UtcNow > deadline) throw new TimeoutException("The site did not start.");
            await Task.Delay(500);
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
