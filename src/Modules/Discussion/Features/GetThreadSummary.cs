using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Discussion.Domain;
using CitizenParticipation.Modules.Discussion.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Discussion.Features;

/// <summary>Answers Core's <see cref="GetThreadSummary"/> for the owners' lists and pages.</summary>
public sealed class GetThreadSummaryHandler(SiteDbContext db) : IRequestHandler<GetThreadSummary, ThreadSummary>
{
    public Task<ThreadSummary> Handle(GetThreadSummary request, CancellationToken cancellationToken) =>
        ThreadSummaries.OfAsync(db.Set<Comment>().AsNoTracking().Where(c => c.Kind == request.Key.Kind && c.ItemId == request.Key.Id), cancellationToken);
}
