using MediatR;

namespace CitizenParticipation.Core.Mediation;

/// <summary>A request that changes data: it runs inside one database transaction.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

/// <summary>A failure the user can fix: messages are already localised, keyed by field ("" for the whole form).</summary>
public sealed class RequestValidationException(IReadOnlyList<ValidationFailure> failures)
    : Exception(string.Join("; ", failures.Select(f => f.Message)))
{
    public IReadOnlyList<ValidationFailure> Failures { get; } = failures;

    public RequestValidationException(string field, string message) : this([new ValidationFailure(field, message)]) { }
}

public sealed record ValidationFailure(string Field, string Message);

/// <summary>Checks a request beyond its data annotations (uniqueness, state). Return no failures when it is valid.</summary>
public interface IRequestValidator<in TRequest>
{
    Task<IEnumerable<ValidationFailure>> ValidateAsync(TRequest request, CancellationToken cancellationToken);
}

/// <summary>
/// A handler's refusal of who is asking (a rule about the data, such as a department's own tasks); the site
/// answers 403 whichever page sent the request.
/// </summary>
public sealed class ForbiddenException(string reason) : Exception(reason);

/// <summary>A limit on how often someone may do something was reached; the message (localised) says when to try again.</summary>
public sealed class LimitReachedException(string message) : Exception(message);
