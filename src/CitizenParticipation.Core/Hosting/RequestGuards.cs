using System.Text;
using CitizenParticipation.Core.Mediation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;
using Microsoft.Extensions.Logging;

namespace CitizenParticipation.Core.Hosting;

/// <summary>
/// Reads a posted form before anything else needs it, and answers 413 when it is larger than the site accepts
/// or 400 when it cannot be read (broken encoding), instead of letting each consumer fail in its own way: the
/// antiforgery check took an unreadable form for a missing token, and the error page then failed reading it too.
/// Runs after the per-action size and form limits (order 900) and before the antiforgery check (order 1000).
/// </summary>
public sealed class ReadableFormFilter(ILogger<ReadableFormFilter> logger) : IAsyncAuthorizationFilter, IOrderedFilter
{
    public int Order => 950;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (!http.Request.HasFormContentType || http.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || http.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            return;
        }

        try
        {
            await http.Request.ReadFormAsync(http.RequestAborted);
        }
        catch (BadHttpRequestException ex)
        {
            logger.LogInformation("Refused a form: {Reason}", ex.Message);
            context.Result = new StatusCodeResult(ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }
        catch (InvalidDataException ex)
        {
            // The form readers' limits (value length, value count, multipart body) all say "limit".
            logger.LogInformation("Refused a form: {Reason}", ex.Message);
            context.Result = new StatusCodeResult(ex.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }
        catch (Exception ex) when (ex is FormatException or DecoderFallbackException or ArgumentException or IOException && !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogInformation("Refused a form that could not be read: {Reason}", ex.Message);
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
        }
    }
}

/// <summary>
/// Enum values are bound only when the enum defines them, and a request that names an unknown one
/// (<c>kind=99</c>) is refused with 400: left to MVC, the parameter silently took its default value.
/// </summary>
public sealed class DefinedEnumModelBinderProvider : IModelBinderProvider
{
    public const string UndefinedValueKey = "CitizenParticipation.UndefinedEnumValue";

    public IModelBinder? GetBinder(ModelBinderProviderContext context)
    {
        var type = context.Metadata.UnderlyingOrModelType;
        if (!type.IsEnum || type.IsDefined(typeof(FlagsAttribute), inherit: false))
        {
            return null;
        }

        var loggers = context.Services.GetService(typeof(ILoggerFactory)) as ILoggerFactory ?? Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance;
        return new Binder(new EnumTypeModelBinder(suppressBindingUndefinedValueToEnumType: true, type, loggers));
    }

    private sealed class Binder(EnumTypeModelBinder inner) : IModelBinder
    {
        public async Task BindModelAsync(ModelBindingContext bindingContext)
        {
            await inner.BindModelAsync(bindingContext);
            if (bindingContext.ModelState.TryGetValue(bindingContext.ModelName, out var entry) && entry.Errors.Count > 0)
            {
                bindingContext.HttpContext.Items[UndefinedValueKey] = bindingContext.ModelName;
            }
        }
    }
}

/// <summary>Answers 400 for a request that named an enum value that does not exist (see <see cref="DefinedEnumModelBinderProvider"/>).</summary>
public sealed class UndefinedEnumValueFilter : IActionFilter
{
    public void OnActionExecuting(ActionExecutingContext context)
    {
        // Removed once answered: the error page is rendered on the same request and must not be refused again.
        if (context.HttpContext.Items.Remove(DefinedEnumModelBinderProvider.UndefinedValueKey))
        {
            context.Result = new StatusCodeResult(StatusCodes.Status400BadRequest);
        }
    }

    public void OnActionExecuted(ActionExecutedContext context)
    {
    }
}

/// <summary>Turns a handler's <see cref="ForbiddenException"/> into the 403 page.</summary>
public sealed class ForbiddenExceptionFilter : IExceptionFilter
{
    public void OnException(ExceptionContext context)
    {
        if (context.Exception is ForbiddenException)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status403Forbidden);
            context.ExceptionHandled = true;
        }
    }
}
