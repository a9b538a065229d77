using CitizenParticipation.Core.Hosting;
using CitizenParticipation.Core.Modules;
using CitizenParticipation.Web;

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseStaticWebAssets();
builder.AddCitizenParticipation(ModuleCatalog.FromDependencyContext(), SiteDatabase.Configure);

var app = builder.Build();
app.UseCitizenParticipation();
await app.InitializeSiteAsync();
app.Run();

public partial class Program;
