using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CitizenParticipation.Modules.Discussion.Services;

/// <summary>What every moderation action carries: the reason, which the audit log keeps, and who acts (set by the controller).</summary>
public abstract class ModerationForm
{
    [Display(Name = "Reason")]
    [Required(ErrorMessage = "{0} is required.")]
    [StringLength(500, ErrorMessage = "{0} must be at most {1} characters.")]
    public string Reason { get; set; } = "";

    [BindNever]
    public ClaimsPrincipal Actor { get; set; } = new();
}
