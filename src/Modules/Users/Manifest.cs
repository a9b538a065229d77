using CitizenParticipation.Core.Modules;

[assembly: Module("Users", typeof(CitizenParticipation.Modules.Users.Startup))]
