using System.Net;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Admin;

public sealed class DemoRecipeTests(DemoSiteFactory site) : IClassFixture<DemoSiteFactory>
{
    private const string DemoPassword = "Demo!2345";

    [Fact]
    public async Task The_demo_recipe_sets_up_Incheon()
    {
        var settings = await site.WithServicesAsync(s => s.GetRequiredService<SiteSettingsService>().ReadAsync<SiteSettingsValues>());
        Assert.Equal("인천광역시", settings.CityNameKo);
        Assert.Equal("Incheon Metropolitan City", settings.CityNameEn);

        var regions = await site.WithDbAsync(db => db.Regions.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync());
        Assert.Equal(11, regions.Count);
        Assert.Equal(("incheon", RegionKind.City), (regions[0].Code, regions[0].Kind));
        Assert.All(regions.Skip(1), r => Assert.Equal(RegionKind.District, r.Kind));
        Assert.Equal(
            ["jung", "dong", "michuhol", "yeonsu", "namdong", "bupyeong", "gyeyang", "seo", "ganghwa", "ongjin"],
            regions.Skip(1).Select(r => r.Code));

        Assert.Equal(12, await site.WithDbAsync(db => db.PolicyFields.CountAsync()));
        Assert.InRange(await site.WithDbAsync(db => db.Departments.CountAsync()), 8, 20);
    }

    [Theory]
    [InlineData("admin@incheon.example", "Administrator")]
    [InlineData("staff@incheon.example", "Staff")]
    [InlineData("officer.transport@incheon.example", "DepartmentOfficer")]
    [InlineData("committee@incheon.example", "CommitteeMember")]
    [InlineData("citizen@incheon.example", "Citizen")]
    [InlineData("citizen2@incheon.example", "Citizen")]
    public async Task Each_demo_account_has_its_role(string email, string role)
    {
        var roles = await site.WithServicesAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<User>>();
            var user = await users.FindByEmailAsync(email);
            Assert.NotNull(user);
            Assert.False(string.IsNullOrWhiteSpace(user.DisplayName));
            Assert.True(await users.CheckPasswordAsync(user, DemoPassword));
            return await users.GetRolesAsync(user);
        });

        Assert.Equal([role], roles);
    }

    [Fact]
    public async Task The_demo_citizens_live_in_their_districts()
    {
        var citizens = await site.WithDbAsync(db => db.Users.AsNoTracking()
            .Where(u => u.Email == "citizen@incheon.example" || u.Email == "citizen2@incheon.example")
            .Select(u => new { u.Email, Region = u.Region!.Code, u.ResidentVerified })
            .ToListAsync());

        var first = Assert.Single(citizens, c => c.Email == "citizen@incheon.example");
        Assert.Equal(("namdong", true), (first.Region, first.ResidentVerified));
        var second = Assert.Single(citizens, c => c.Email == "citizen2@incheon.example");
        Assert.Equal("bupyeong", second.Region);
    }

    [Fact]
    public async Task The_demo_administrator_reaches_the_admin()
    {
        var client = await site.LoggedInClientAsync("admin@incheon.example", DemoPassword);

        var response = await client.GetAsync("/admin");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("관리자 대시보드", html);
    }
}
