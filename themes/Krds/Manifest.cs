using CitizenParticipation.Core.Modules;

[assembly: Module("Krds", typeof(CitizenParticipation.Themes.Krds.Startup), Kind = ModuleKind.Theme)]
