using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CitizenParticipation.Modules.Petitions.Features;

public sealed class PetitionMaintenanceService(IServiceScopeFactory scopes, ILogger<PetitionMaintenanceService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var (closed, anonymised) = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RunPetitionMaintenance(), stoppingToken);
                if (closed + anonymised > 0)
                {
                    logger.LogInformation("Closed {Closed} petitions, anonymised {Anonymised}", closed, anonymised);
                }

                var indexed = 0;
                int batch;
                do
                {
                    // A scope per batch: the context does not keep every batch's entries tracked.
                    await using var batchScope = scopes.CreateAsyncScope();
                    batch = await batchScope.ServiceProvider.GetRequiredService<IMediator>().Send(new IndexPetitionSearch(), stoppingToken);
                    indexed += batch;
                }
                while (batch > 0);

                if (indexed > 0)
                {
                    logger.LogInformation("Indexed {Indexed} petitions for search", indexed);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Petition maintenance failed; it runs again in a minute");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
