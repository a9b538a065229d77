using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Infrastructure;

public static class SiteFactoryExtensions
{
    /// <summary>Runs <paramref name="action"/> with the site's services in a fresh scope and returns its result.</summary>
    public static async Task<T> WithServicesAsync<T>(this SiteFactory site, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }
}
