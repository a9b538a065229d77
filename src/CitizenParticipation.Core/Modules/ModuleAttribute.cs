namespace CitizenParticipation.Core.Modules;

/// <summary>Marks an assembly as a module or theme and names the class that composes it.</summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ModuleAttribute(string name, Type startup) : Attribute
{
    public string Name { get; } = name;
    public Type Startup { get; } = startup;
    public ModuleKind Kind { get; init; } = ModuleKind.Module;
    /// <summary>Lower runs first; themes use it so that their views win over module views.</summary>
    public int Order { get; init; }
    public string[] Dependencies { get; init; } = [];
}

public enum ModuleKind { Module, Theme }
