using CitizenParticipation.Core.Modules;

[assembly: Module("Registry", typeof(CitizenParticipation.Modules.Registry.Startup))]
