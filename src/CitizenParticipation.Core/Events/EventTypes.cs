using CitizenParticipation.Core.Modules;
using MediatR;

namespace CitizenParticipation.Core.Events;

/// <summary>
/// The notifications that may travel through the event outbox: those declared in Core's contracts and in the site's
/// modules. A stored type name outside this list is never instantiated.
/// </summary>
public sealed class EventTypes
{
    private readonly Dictionary<string, Type> _byName;

    public EventTypes(ModuleCatalog catalog) =>
        _byName = catalog.Modules.Select(m => m.Assembly).Prepend(typeof(EventTypes).Assembly).Distinct()
            .SelectMany(a => a.GetExportedTypes())
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(INotification).IsAssignableFrom(t))
            .ToDictionary(t => t.FullName!, StringComparer.Ordinal);

    public static string NameOf(Type type) => type.FullName!;

    public Type? Find(string name) => _byName.GetValueOrDefault(name);
}
