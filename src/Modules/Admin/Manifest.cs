using CitizenParticipation.Core.Modules;

[assembly: Module("Admin", typeof(CitizenParticipation.Modules.Admin.Startup))]
