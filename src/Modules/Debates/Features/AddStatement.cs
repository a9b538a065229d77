using CitizenParticipation.Core.Caching;
using System.ComponentModel.DataAnnotations;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Modules.Debates.Services;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Debates.Features;

/// <summary>A participant adds a short statement to the debate's opinion map, during deliberation, at the debate's verification level.</summary>
[EvictsPublicPages(DebateCaching.Tag)]
public sealed class AddStatement : ICommand<int>
{
    [BindNever]
    public int DebateId { get; set; }

    [BindNever]
    public Guid AuthorId { get; set; }

    [BindNever]
    public string AuthorName { get; set; } = "";

    [Display(Name = "Your statement")]
    [Required(ErrorMessage = "Write your statement.")]
    [StringLength(Statement.MaxLength, ErrorMessage = "A statement can be at most 140 characters. Shorten it and try again.")]
    public string Text { get; set; } = "";
}

public sealed class AddStatementHandler(SiteDbContext db, DebateAccess access, TimeProvider clock, IStringLocalizer<AddStatement> t) : IRequestHandler<AddStatement, int>
{
    public async Task<int> Handle(AddStatement request, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await Participation.CheckAsync(db, access, request.DebateId, request.AuthorId, now, t, cancellationToken);
        var text = request.Text.Trim();
        if (await db.Set<Statement>().AnyAsync(s => s.DebateId == request.DebateId && s.Text == text, cancellationToken))
        {
            throw new RequestValidationException(nameof(request.Text), t["The same statement is already on the map: vote on it instead."]);
        }

        var statement = new Statement(request.DebateId, text, request.AuthorId, request.AuthorName, now);
        db.Add(statement);
        await db.SaveChangesAsync(cancellationToken);
        return statement.Id;
    }
}
