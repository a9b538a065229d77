using CitizenParticipation.Core.Contracts;
using MediatR;

namespace CitizenParticipation.Modules.Petitions.Features;

/// <summary>The tasks staff can pick for an answer: the one linked now and those matching their search.</summary>
/// <param name="Available">False when no module answers <see cref="FindPolicyTasks"/>: the form asks for a bare number then.</param>
public sealed record AnswerTaskChoices(bool Available, string? Search, PolicyTaskRef? Linked, IReadOnlyList<PolicyTaskRef> Found);

public sealed record GetAnswerTaskChoices(string? Search, int? LinkedTaskId) : IRequest<AnswerTaskChoices>;

public sealed class GetAnswerTaskChoicesHandler(IMediator mediator, IServiceProvider services) : IRequestHandler<GetAnswerTaskChoices, AnswerTaskChoices>
{
    public async Task<AnswerTaskChoices> Handle(GetAnswerTaskChoices request, CancellationToken cancellationToken)
    {
        var search = string.IsNullOrWhiteSpace(request.Search) ? null : request.Search.Trim();
        if (!PolicyTaskLookup.IsAvailable(services))
        {
            return new AnswerTaskChoices(false, search, null, []);
        }

        var linked = request.LinkedTaskId is { } id ? (await mediator.Send(new FindPolicyTasks(null, id, 1), cancellationToken)).FirstOrDefault() : null;
        var found = search is null ? [] : await mediator.Send(new FindPolicyTasks(search, null, 20), cancellationToken);
        return new AnswerTaskChoices(true, search, linked, found.Where(t => t.Id != linked?.Id).ToList());
    }
}
