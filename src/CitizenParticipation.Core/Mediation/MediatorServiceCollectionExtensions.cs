using System.Reflection;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Core.Mediation;

public static class MediatorServiceCollectionExtensions
{
    /// <summary>
    /// Wires MediatR 5.1.0 (which has no container integration of its own) and registers every
    /// handler and validator found in the given assemblies.
    /// </summary>
    public static IServiceCollection AddMediation(this IServiceCollection services, IEnumerable<Assembly> assemblies)
    {
        services.AddScoped<ServiceFactory>(p => p.GetService!);
        services.AddScoped<IMediator, Mediator>();
        // Registration order is the order in which behaviours wrap the handler, outermost first.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(LoggingBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehaviour<,>));
        // Outside the transaction, so that cached public pages are evicted once the change is committed.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(Caching.PublicPageEvictionBehaviour<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionBehaviour<,>));

        Type[] open = [typeof(IRequestHandler<,>), typeof(INotificationHandler<>), typeof(IRequestValidator<>)];
        foreach (var type in assemblies.Distinct().SelectMany(a => a.GetTypes()).Where(t => t is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false }))
        {
            foreach (var contract in type.GetInterfaces().Where(i => i.IsGenericType && open.Contains(i.GetGenericTypeDefinition())))
            {
                services.AddScoped(contract, type);
            }
        }

        return services;
    }
}
