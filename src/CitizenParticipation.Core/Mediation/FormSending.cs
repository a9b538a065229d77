using MediatR;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CitizenParticipation.Core.Mediation;

/// <summary>What a form's command came to: carried out (with its result) or refused (the reasons are in the model state).</summary>
public readonly record struct Sent<T>(bool Succeeded, T Result);

/// <summary>
/// The one place where a controller turns a command's refusal into messages next to the form's fields, so that an
/// action reads: check the permission, send, redirect.
/// </summary>
public static class FormSending
{
    /// <summary>
    /// Sends the form's command when the form is valid. A refusal (<see cref="RequestValidationException"/>) puts each
    /// reason next to its field, under <paramref name="prefix"/> (a form bound with one), or where
    /// <paramref name="keyOf"/> says; nothing else is caught.
    /// </summary>
    public static async Task<Sent<T>> SendFormAsync<T>(
        this IMediator mediator,
        IRequest<T> command,
        ModelStateDictionary modelState,
        string prefix = "",
        Func<string, string>? keyOf = null,
        CancellationToken cancellationToken = default)
    {
        if (!modelState.IsValid)
        {
            return default;
        }

        try
        {
            return new Sent<T>(true, await mediator.Send(command, cancellationToken));
        }
        catch (RequestValidationException ex)
        {
            modelState.AddFailures(ex, prefix, keyOf);
            return default;
        }
    }

    /// <summary>The refusal's reasons next to their fields (see <see cref="SendFormAsync{T}"/>).</summary>
    public static void AddFailures(this ModelStateDictionary modelState, RequestValidationException exception, string prefix = "", Func<string, string>? keyOf = null)
    {
        foreach (var failure in exception.Failures)
        {
            var key = keyOf?.Invoke(failure.Field) ?? (prefix.Length > 0 && failure.Field.Length > 0 ? $"{prefix}.{failure.Field}" : failure.Field);
            modelState.AddModelError(key, failure.Message);
        }
    }
}

/// <summary>
/// A posted form that comes back with its messages (the model state holds a refusal, from <see cref="FormSending"/> or
/// from the action) answers 422: answered 200, a refused form looked to clients, monitors and tests like a success.
/// An action that chose a status of its own (400, 409, 429) keeps it.
/// </summary>
public sealed class RefusedFormStatusFilter : IResultFilter
{
    public void OnResultExecuting(ResultExecutingContext context)
    {
        if (HttpMethods.IsPost(context.HttpContext.Request.Method) && !context.ModelState.IsValid
            && context.Result is ViewResult { StatusCode: null } view && context.HttpContext.Response.StatusCode == StatusCodes.Status200OK)
        {
            view.StatusCode = StatusCodes.Status422UnprocessableEntity;
        }
    }

    public void OnResultExecuted(ResultExecutedContext context)
    {
    }
}
