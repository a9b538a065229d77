using CitizenParticipation.Core.Modules;

[assembly: Module("Discussion", typeof(CitizenParticipation.Modules.Discussion.Startup))]
