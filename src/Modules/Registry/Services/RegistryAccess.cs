using System.Security.Claims;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Registry.Services;

/// <summary>Who may see and edit which tasks: EditAllTasks edits every task, EditOwnDepartmentTasks only those of the officer's departments.</summary>
public sealed class RegistryAccess(IAuthorizationService authorization, SiteDbContext db)
{
    public async Task<bool> CanEditAnyAsync(ClaimsPrincipal user) =>
        await authorization.AuthorizeAsync(user, RegistryPermissions.EditAllTasks)
        || await authorization.AuthorizeAsync(user, RegistryPermissions.EditOwnDepartmentTasks);

    public async Task<bool> CanEditAsync(ClaimsPrincipal user, int? departmentId)
    {
        if (await authorization.AuthorizeAsync(user, RegistryPermissions.EditAllTasks))
        {
            return true;
        }

        if (departmentId is null || !await authorization.AuthorizeAsync(user, RegistryPermissions.EditOwnDepartmentTasks))
        {
            return false;
        }

        return (await DepartmentsOfAsync(user)).Contains(departmentId.Value);
    }

    /// <summary>The departments a user may create tasks in; null means every department.</summary>
    public async Task<IReadOnlyList<int>?> EditableDepartmentsAsync(ClaimsPrincipal user)
    {
        if (await authorization.AuthorizeAsync(user, RegistryPermissions.EditAllTasks))
        {
            return null;
        }

        return await authorization.AuthorizeAsync(user, RegistryPermissions.EditOwnDepartmentTasks) ? await DepartmentsOfAsync(user) : [];
    }

    /// <summary>
    /// Internal comments on a task: whoever may edit it, and staff who follow every department's tasks (they read
    /// internal tasks without being limited to departments of their own). A department officer comments only on
    /// the tasks of their departments: they read the others' but do not write in them.
    /// </summary>
    public async Task<bool> CanCommentAsync(ClaimsPrincipal user, int? departmentId) =>
        await CanEditAsync(user, departmentId)
        || (await authorization.AuthorizeAsync(user, RegistryPermissions.ViewInternalTasks)
            && !await authorization.AuthorizeAsync(user, RegistryPermissions.EditOwnDepartmentTasks));

    public async Task<bool> CanViewInternalAsync(ClaimsPrincipal user) =>
        await authorization.AuthorizeAsync(user, RegistryPermissions.ViewInternalTasks)
        || await authorization.AuthorizeAsync(user, RegistryPermissions.EditAllTasks);

    public async Task<IReadOnlyList<int>> DepartmentsOfAsync(ClaimsPrincipal user)
    {
        if (user.UserId() is not { } id)
        {
            return [];
        }

        return await db.Set<Domain.OfficerAssignment>().Where(a => a.UserId == id).Select(a => a.DepartmentId).ToListAsync();
    }
}
