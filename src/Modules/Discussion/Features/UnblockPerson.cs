using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Discussion.Domain;
using CitizenParticipation.Modules.Discussion.Services;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Discussion.Features;

/// <summary>An administrator lifts a block, with a reason: the person's comments show again (those a moderator hid stay hidden).</summary>
public sealed class UnblockPerson : ModerationForm, ICommand<bool>
{
    [BindNever]
    public Guid PersonId { get; set; }
}

public sealed class UnblockPersonHandler(SiteDbContext db, ThreadAccess access, TimeProvider clock, IStringLocalizer<UnblockPerson> t) : IRequestHandler<UnblockPerson, bool>
{
    public async Task<bool> Handle(UnblockPerson request, CancellationToken cancellationToken)
    {
        var block = await db.Set<BlockedPerson>().FirstOrDefaultAsync(b => b.PersonId == request.PersonId, cancellationToken)
                    ?? throw new RequestValidationException("", t["This person is not blocked."]);
        db.Remove(block);
        access.Log(request.Actor, ModerationAction.Unblock, request.Reason.Trim(), null, null, request.PersonId, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        await db.Set<Comment>().Where(c => c.AuthorId == request.PersonId).ExecuteUpdateAsync(s => s.SetProperty(c => c.AuthorBlocked, false), cancellationToken);
        return true;
    }
}
