using CitizenParticipation.Core.Modules;

[assembly: Module("Admin", typeof(CitizenParticipation.Themes.Admin.Startup), Kind = ModuleKind.Theme)]
