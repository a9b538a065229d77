using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Registry.Domain;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace CitizenParticipation.Modules.Registry.Features;

public sealed record DocumentDownload(string FileName, string ContentType, byte[] Content, int TaskId, int? DepartmentId, bool IsPublic);

/// <summary>A document's bytes and whether it is public (its task and entry both are).</summary>
public sealed record GetDocument(int Id) : IRequest<DocumentDownload?>;

public sealed class GetDocumentHandler(SiteDbContext db) : IRequestHandler<GetDocument, DocumentDownload?>
{
    public async Task<DocumentDownload?> Handle(GetDocument request, CancellationToken cancellationToken)
    {
        var meta = await db.Set<TaskDocument>().AsNoTracking().Where(d => d.Id == request.Id)
            .Select(d => new { d.FileName, d.ContentType, d.Activity!.TaskId, d.Activity.Task!.DepartmentId, IsPublic = d.Activity.IsPublic && d.Activity.Task.IsPublic })
            .FirstOrDefaultAsync(cancellationToken);
        if (meta is null)
        {
            return null;
        }

        var content = await db.Set<DocumentContent>().AsNoTracking().Where(c => c.DocumentId == request.Id).Select(c => c.Data).FirstAsync(cancellationToken);
        return new DocumentDownload(meta.FileName, meta.ContentType, content, meta.TaskId, meta.DepartmentId, meta.IsPublic);
    }
}
