using CitizenParticipation.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Admin.Features;

internal static class ReferenceRows
{
    public static IQueryable<ReferenceRow> Of(SiteDbContext db, ReferenceKind kind) => kind switch
    {
        ReferenceKind.Regions => db.Regions.AsNoTracking().Select(r => new ReferenceRow { Id = r.Id, Code = r.Code, NameKo = r.NameKo, NameEn = r.NameEn, SortOrder = r.SortOrder, RegionKind = r.Kind }),
        ReferenceKind.PolicyFields => db.PolicyFields.AsNoTracking().Select(r => new ReferenceRow { Id = r.Id, Code = r.Code, NameKo = r.NameKo, NameEn = r.NameEn, SortOrder = r.SortOrder }),
        ReferenceKind.Departments => db.Departments.AsNoTracking().Select(r => new ReferenceRow { Id = r.Id, Code = r.Code, NameKo = r.NameKo, NameEn = r.NameEn, SortOrder = r.SortOrder }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
