using CitizenParticipation.Core.Modules;

[assembly: Module("Debates", typeof(CitizenParticipation.Modules.Debates.Startup))]
