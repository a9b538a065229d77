using CitizenParticipation.Core.Mediation;
using CitizenParticipation.Core.Paging;
using CitizenParticipation.Core.Security;
using CitizenParticipation.Modules.Admin.Features;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Admin.Controllers;

/// <summary>
/// List, add and edit for one kind of reference data. Each kind is a small subclass that names its
/// route and texts; the actions and the views (Areas/Admin/Views/Shared/ReferenceData*) are shared.
/// </summary>
public abstract class ReferenceDataController(IAuthorizationService authorization, IMediator mediator, IStringLocalizer localizer) : Controller
{
    protected abstract ReferenceKind Kind { get; }

    /// <summary>Source texts for the list, add and edit headings.</summary>
    protected abstract (string Title, string AddTitle, string EditTitle) Texts { get; }

    [HttpGet("")]
    public async Task<IActionResult> Index(string? q, ReferenceSort? sort, SortDirection? dir, CancellationToken cancellationToken, int page = 1)
    {
        if (!await authorization.AuthorizeAsync(User, AdminPermissions.ManageReferenceData)) return Forbid();

        SetTexts();
        return View("ReferenceDataIndex", await mediator.Send(new ListReferenceData(Kind, q, sort, dir, page), cancellationToken));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create()
    {
        if (!await authorization.AuthorizeAsync(User, AdminPermissions.ManageReferenceData)) return Forbid();

        SetTexts();
        return View("ReferenceDataEdit", new SaveReferenceItem { Kind = Kind });
    }

    [HttpPost("new")]
    public async Task<IActionResult> Create(SaveReferenceItem form, CancellationToken cancellationToken)
    {
        if (!await authorization.AuthorizeAsync(User, AdminPermissions.ManageReferenceData)) return Forbid();

        form.Id = null;
        return await SaveAsync(form, cancellationToken);
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken cancellationToken)
    {
        if (!await authorization.AuthorizeAsync(User, AdminPermissions.ManageReferenceData)) return Forbid();

        var row = await mediator.Send(new GetReferenceItem(Kind, id), cancellationToken);
        if (row is null)
        {
            return NotFound();
        }

        SetTexts();
        return View("ReferenceDataEdit", SaveReferenceItem.From(Kind, row));
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, SaveReferenceItem form, CancellationToken cancellationToken)
    {
        if (!await authorization.AuthorizeAsync(User, AdminPermissions.ManageReferenceData)) return Forbid();

        form.Id = id;
        return await SaveAsync(form, cancellationToken);
    }

    private async Task<IActionResult> SaveAsync(SaveReferenceItem form, CancellationToken cancellationToken)
    {
        form.Kind = Kind;
        SetTexts();
        if (!(await mediator.SendFormAsync(form, ModelState, cancellationToken: cancellationToken)).Succeeded)
        {
            return View("ReferenceDataEdit", form);
        }

        TempData["Notice"] = localizer["“{0}” was saved.", form.NameKo!.Trim()].Value;
        return RedirectToAction(nameof(Index));
    }

    private void SetTexts()
    {
        ViewData["ListTitle"] = localizer[Texts.Title].Value;
        ViewData["AddTitle"] = localizer[Texts.AddTitle].Value;
        ViewData["EditTitle"] = localizer[Texts.EditTitle].Value;
        ViewData["ReferenceKind"] = Kind;
    }
}

[Area("Admin")]
[Admin]
[Route("admin/regions")]
public sealed class RegionsController(IAuthorizationService authorization, IMediator mediator, IStringLocalizer<RegionsController> localizer)
    : ReferenceDataController(authorization, mediator, localizer)
{
    protected override ReferenceKind Kind => ReferenceKind.Regions;
    protected override (string Title, string AddTitle, string EditTitle) Texts => ("Regions", "Add a region", "Edit a region");
}

[Area("Admin")]
[Admin]
[Route("admin/policy-fields")]
public sealed class PolicyFieldsController(IAuthorizationService authorization, IMediator mediator, IStringLocalizer<PolicyFieldsController> localizer)
    : ReferenceDataController(authorization, mediator, localizer)
{
    protected override ReferenceKind Kind => ReferenceKind.PolicyFields;
    protected override (string Title, string AddTitle, string EditTitle) Texts => ("Policy fields", "Add a policy field", "Edit a policy field");
}

[Area("Admin")]
[Admin]
[Route("admin/departments")]
public sealed class DepartmentsController(IAuthorizationService authorization, IMediator mediator, IStringLocalizer<DepartmentsController> localizer)
    : ReferenceDataController(authorization, mediator, localizer)
{
    protected override ReferenceKind Kind => ReferenceKind.Departments;
    protected override (string Title, string AddTitle, string EditTitle) Texts => ("Departments", "Add a department", "Edit a department");
}
