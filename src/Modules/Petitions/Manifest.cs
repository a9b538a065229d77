using CitizenParticipation.Core.Modules;

[assembly: Module("Petitions", typeof(CitizenParticipation.Modules.Petitions.Startup))]
