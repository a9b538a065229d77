using CitizenParticipation.Core.Modules;

[assembly: Module("Home", typeof(CitizenParticipation.Modules.Home.Startup))]
