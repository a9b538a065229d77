using MediatR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CitizenParticipation.Modules.Debates.Features;

/// <summary>Computes changed opinion maps every <c>Debates:MapIntervalSeconds</c> (30 by default), away from page requests.</summary>
public sealed class DebateMaintenanceService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DebateMaintenanceService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Debates:MapIntervalSeconds", 30))));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ComputeOpinionMaps(), stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Computing the opinion maps failed; it runs again shortly");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
