using System.ComponentModel.DataAnnotations;
using System.Diagnostics;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Localization;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace CitizenParticipation.Core.Mediation;

public sealed class LoggingBehaviour<TRequest, TResponse>(ILogger<LoggingBehaviour<TRequest, TResponse>> logger)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await next();
            logger.LogInformation("Handled {Request} in {ElapsedMs:0.0} ms", typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return response;
        }
        catch (RequestValidationException ex)
        {
            logger.LogInformation("Refused {Request}: {Reason}", typeof(TRequest).Name, ex.Message);
            throw;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Failed {Request} after {ElapsedMs:0.0} ms", typeof(TRequest).Name, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            throw;
        }
    }
}

/// <summary>Validates data annotations (messages localised) and every <see cref="IRequestValidator{TRequest}"/> before the handler runs.</summary>
public sealed class ValidationBehaviour<TRequest, TResponse>(
    IEnumerable<IRequestValidator<TRequest>> validators,
    IStringLocalizer<SharedResource> localizer,
    IServiceProvider services)
    : IPipelineBehavior<TRequest, TResponse>
{
    // Most queries carry no annotations: they skip the reflection walk, which runs on every request otherwise.
    private static readonly bool Annotated = typeof(IValidatableObject).IsAssignableFrom(typeof(TRequest))
        || typeof(TRequest).GetCustomAttributes(typeof(ValidationAttribute), true).Length > 0
        || typeof(TRequest).GetProperties().Any(p => p.GetCustomAttributes(typeof(ValidationAttribute), true).Length > 0);

    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<ValidationFailure>();
        var results = new List<ValidationResult>();
        if (Annotated && request is not null && !Validator.TryValidateObject(request, new ValidationContext(request, services, null), results, validateAllProperties: true))
        {
            foreach (var result in results)
            {
                var message = result is LocalizedValidationResult ? result.ErrorMessage! : localizer[result.ErrorMessage ?? "The value is not valid."].Value;
                failures.AddRange(result.MemberNames.DefaultIfEmpty("").Select(m => new ValidationFailure(m, message)));
            }
        }

        foreach (var validator in validators)
        {
            failures.AddRange(await validator.ValidateAsync(request, cancellationToken));
        }

        if (failures.Count > 0)
        {
            throw new RequestValidationException(failures);
        }

        return await next();
    }
}

/// <summary>Runs commands in one transaction, unless a caller (a recipe, say) already opened one.</summary>
public sealed class TransactionBehaviour<TRequest, TResponse>(IServiceProvider services) : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        // Resolved only for commands: a query that needs no database (a cached read, a queued write) does not create a context.
        if (request is not ICommand<TResponse>)
        {
            return await next();
        }

        var db = services.GetRequiredService<SiteDbContext>();
        if (db.Database.CurrentTransaction is not null)
        {
            return await next();
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var response = await next();
            await transaction.CommitAsync(cancellationToken);
            return response;
        });
    }
}
