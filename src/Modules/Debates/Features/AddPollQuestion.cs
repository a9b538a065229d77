using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Debates.Domain;
using CitizenParticipation.Modules.Debates.Services;
using MediatR;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Debates.Features;

/// <summary>The committee adds a question to the deliberative poll while preparing the debate: a 1–5 scale with its two end labels.</summary>
public sealed class AddPollQuestion : ICommand<int>
{
    [BindNever]
    public int DebateId { get; set; }

    [BindNever]
    public ClaimsPrincipal Actor { get; set; } = new();

    [Display(Name = "Question")]
    [Required(ErrorMessage = "{0} is required.")]
    [StringLength(PollQuestion.MaxText, ErrorMessage = "{0} must be at most {1} characters.")]
    public string Text { get; set; } = "";

    [Display(Name = "Label of 1")]
    [Required(ErrorMessage = "{0} is required.")]
    [StringLength(PollQuestion.MaxLabel, ErrorMessage = "{0} must be at most {1} characters.")]
    public string LowLabel { get; set; } = "";

    [Display(Name = "Label of 5")]
    [Required(ErrorMessage = "{0} is required.")]
    [StringLength(PollQuestion.MaxLabel, ErrorMessage = "{0} must be at most {1} characters.")]
    public string HighLabel { get; set; } = "";
}

public sealed class AddPollQuestionHandler(SiteDbContext db, DebateAccess access, TimeProvider clock, IStringLocalizer<AddPollQuestion> t) : IRequestHandler<AddPollQuestion, int>
{
    public async Task<int> Handle(AddPollQuestion request, CancellationToken cancellationToken)
    {
        await access.RequireAsync(request.Actor, DebatePermissions.Manage);
        var debate = await db.LoadDebateAsync(request.DebateId, t, cancellationToken);
        var existing = await db.Set<PollQuestion>().Where(q => q.DebateId == debate.Id).MaxAsync(q => (int?)q.Position, cancellationToken) ?? 0;
        var question = DebateRules.Run(t, () => PollQuestion.Add(debate, existing, request.Text, request.LowLabel, request.HighLabel));
        db.Add(question);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangeAsync(debate, new DebateChange("poll-question-added", question.Text, null), request.Actor.UserId(), request.Actor.DisplayName(), now, t, cancellationToken);
        return question.Id;
    }
}
