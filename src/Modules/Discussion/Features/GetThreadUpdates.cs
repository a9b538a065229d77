using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Discussion.Domain;
using CitizenParticipation.Modules.Discussion.Services;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Discussion.Features;

/// <summary>What the thread's script polls: how many visible comments are newer than the one the page showed last.</summary>
public sealed record GetThreadUpdates(ThreadKey Key, int After) : IRequest<ThreadUpdates?>;

public sealed record ThreadUpdates(int Latest, int New);

public sealed class GetThreadUpdatesHandler(SiteDbContext db, ThreadAccess access) : IRequestHandler<GetThreadUpdates, ThreadUpdates?>
{
    public async Task<ThreadUpdates?> Handle(GetThreadUpdates request, CancellationToken cancellationToken)
    {
        if (await access.PolicyAsync(request.Key, cancellationToken) is null)
        {
            return null;
        }

        var newer = db.Set<Comment>().AsNoTracking()
            .Where(c => c.Kind == request.Key.Kind && c.ItemId == request.Key.Id && c.Id > request.After && c.State == CommentState.Visible && !c.AuthorBlocked);
        return new ThreadUpdates(await newer.MaxAsync(c => (int?)c.Id, cancellationToken) ?? request.After, await newer.CountAsync(cancellationToken));
    }
}
