using System.ComponentModel.DataAnnotations;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Mediation;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace CitizenParticipation.Modules.Admin.Features;

/// <summary>Adds an item (no <see cref="Id"/>) or changes one; the form binds to it directly.</summary>
public sealed class SaveReferenceItem : ICommand<int>
{
    public ReferenceKind Kind { get; set; }

    public int? Id { get; set; }

    [Display(Name = "Code")]
    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(50, ErrorMessage = "The field {0} must be a string with a maximum length of {1}.")]
    [RegularExpression("^[a-z0-9][a-z0-9-]*$", ErrorMessage = "Use lowercase letters, digits and hyphens only, starting with a letter or digit.")]
    public string? Code { get; set; }

    [Display(Name = "Korean name")]
    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(100, ErrorMessage = "The field {0} must be a string with a maximum length of {1}.")]
    public string? NameKo { get; set; }

    [Display(Name = "English name")]
    [Required(ErrorMessage = "The {0} field is required.")]
    [StringLength(100, ErrorMessage = "The field {0} must be a string with a maximum length of {1}.")]
    public string? NameEn { get; set; }

    [Display(Name = "Order")]
    [Range(0, 100000, ErrorMessage = "The field {0} must be between {1} and {2}.")]
    public int SortOrder { get; set; }

    [Display(Name = "Kind of region")]
    public RegionKind RegionKind { get; set; } = RegionKind.District;

    public static SaveReferenceItem From(ReferenceKind kind, ReferenceRow row) => new()
    {
        Kind = kind,
        Id = row.Id,
        Code = row.Code,
        NameKo = row.NameKo,
        NameEn = row.NameEn,
        SortOrder = row.SortOrder,
        RegionKind = row.RegionKind ?? RegionKind.District,
    };
}

public sealed class SaveReferenceItemValidator(SiteDbContext db, IStringLocalizer<SaveReferenceItem> T) : IRequestValidator<SaveReferenceItem>
{
    public async Task<IEnumerable<ValidationFailure>> ValidateAsync(SaveReferenceItem request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Code))
        {
            return [];
        }

        var code = request.Code.Trim();
        var except = request.Id ?? 0;
        var taken = await ReferenceRows.Of(db, request.Kind).AnyAsync(r => r.Code == code && r.Id != except, cancellationToken);
        return taken ? [SaveReferenceItemHandler.DuplicateCode(T, code)] : [];
    }
}

public sealed class SaveReferenceItemHandler(SiteDbContext db, IStringLocalizer<SaveReferenceItem> localizer) : IRequestHandler<SaveReferenceItem, int>
{
    public async Task<int> Handle(SaveReferenceItem request, CancellationToken cancellationToken)
    {
        var code = request.Code!.Trim();
        object saved = request.Kind switch
        {
            ReferenceKind.Regions => (object)await Save(db.Regions, request, r => r.Kind = request.RegionKind, cancellationToken),
            ReferenceKind.PolicyFields => await Save(db.PolicyFields, request, null, cancellationToken),
            ReferenceKind.Departments => await Save(db.Departments, request, null, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(request)),
        };

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone took the code between the validator's check and this save; the unique index refused it.
            throw new RequestValidationException([DuplicateCode(localizer, code)]);
        }

        return (int)db.Entry(saved).Property("Id").CurrentValue!;
    }

    internal static ValidationFailure DuplicateCode(IStringLocalizer localizer, string code) =>
        new(nameof(SaveReferenceItem.Code), localizer["The code “{0}” is already in use. Choose another code.", code].Value);

    private async Task<TEntity> Save<TEntity>(DbSet<TEntity> set, SaveReferenceItem request, Action<TEntity>? apply, CancellationToken cancellationToken) where TEntity : class, new()
    {
        TEntity? entity;
        if (request.Id is { } id)
        {
            entity = await set.FindAsync([id], cancellationToken) ?? throw new RequestValidationException("", localizer["The item no longer exists."].Value);
        }
        else
        {
            entity = new TEntity();
            set.Add(entity);
        }

        var entry = db.Entry(entity);
        entry.Property("Code").CurrentValue = request.Code!.Trim();
        entry.Property("NameKo").CurrentValue = request.NameKo!.Trim();
        entry.Property("NameEn").CurrentValue = request.NameEn!.Trim();
        entry.Property("SortOrder").CurrentValue = request.SortOrder;
        apply?.Invoke(entity);
        return entity;
    }
}
