using System.Net;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Core.Settings;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenParticipation.Tests.Integration.Admin;

public sealed class AdminPagesTests(SiteFactory site) : IClassFixture<SiteFactory>
{
    private static Dictionary<string, string> Settings(string siteNameKo, string contactEmail) => new()
    {
        ["SiteNameKo"] = siteNameKo,
        ["SiteNameEn"] = "Test Participation",
        ["CityNameKo"] = "인천광역시",
        ["CityNameEn"] = "Incheon Metropolitan City",
        ["ContactEmail"] = contactEmail,
        ["ContactPhone"] = "032-120",
        ["RegistrationOpen"] = "false",
    };

    private Task<SiteSettingsValues> ReadSettingsAsync() =>
        site.WithServicesAsync(s => s.GetRequiredService<SiteSettingsService>().ReadAsync<SiteSettingsValues>());

    [Fact]
    public async Task Saving_the_settings_form_changes_the_settings()
    {
        var client = await site.AdminClientAsync();

        var response = await client.PostFormAsync("/admin/settings", "/admin/settings", Settings("테스트 시민참여", "help@test.example"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/settings", response.Headers.Location?.OriginalString);
        var saved = await ReadSettingsAsync();
        Assert.Equal("테스트 시민참여", saved.SiteNameKo);
        Assert.Equal("Test Participation", saved.SiteNameEn);
        Assert.Equal("인천광역시", saved.CityNameKo);
        Assert.Equal("help@test.example", saved.ContactEmail);
        Assert.Equal("032-120", saved.ContactPhone);
        Assert.False(saved.RegistrationOpen);

        var page = await client.GetHtmlAsync("/admin/settings");
        Assert.Contains("테스트 시민참여", page);
    }

    [Fact]
    public async Task Invalid_settings_are_shown_next_to_their_fields_and_nothing_is_saved()
    {
        var client = await site.AdminClientAsync();
        var before = await ReadSettingsAsync();

        var response = await client.PostFormAsync("/admin/settings", "/admin/settings", Settings("", "not an email"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"SiteNameKo-error\"", html);
        Assert.Contains("사이트 이름(한국어) 항목은 필수입니다.", html);
        Assert.Contains("id=\"ContactEmail-error\"", html);
        Assert.Equal(before, await ReadSettingsAsync());
    }

    [Fact]
    public async Task A_region_can_be_added_and_edited()
    {
        var client = await site.AdminClientAsync();

        var added = await client.PostFormAsync("/admin/regions/new", "/admin/regions/new", Region("added-region", "추가 지역", "Added region", "city"));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var region = await site.WithDbAsync(db => db.Regions.AsNoTracking().SingleAsync(r => r.Code == "added-region"));
        Assert.Equal(("추가 지역", "Added region", RegionKind.City, 5), (region.NameKo, region.NameEn, region.Kind, region.SortOrder));
        Assert.Contains("added-region", await client.GetHtmlAsync("/admin/regions"));

        var edit = $"/admin/regions/{region.Id}/edit";
        var edited = await client.PostFormAsync(edit, edit, Region("added-region", "고친 지역", "Edited region", "district"));

        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        region = await site.WithDbAsync(db => db.Regions.AsNoTracking().SingleAsync(r => r.Code == "added-region"));
        Assert.Equal(("고친 지역", "Edited region", RegionKind.District), (region.NameKo, region.NameEn, region.Kind));
    }

    [Fact]
    public async Task A_duplicate_region_code_is_refused_with_a_clear_message_and_nothing_is_saved()
    {
        var client = await site.AdminClientAsync();
        var first = await client.PostFormAsync("/admin/regions/new", "/admin/regions/new", Region("twin", "쌍둥이", "Twin", "district"));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var before = await site.WithDbAsync(db => db.Regions.AsNoTracking().OrderBy(r => r.Id).Select(r => $"{r.Id}|{r.Code}|{r.NameKo}|{r.NameEn}|{r.Kind}").ToListAsync());

        var second = await client.PostFormAsync("/admin/regions/new", "/admin/regions/new", Region("twin", "다른 지역", "Another", "city"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        var html = WebUtility.HtmlDecode(await second.Content.ReadAsStringAsync());
        Assert.Contains("id=\"Code-error\"", html);
        Assert.Contains("코드 “twin”은(는) 이미 사용 중입니다.", html);
        var after = await site.WithDbAsync(db => db.Regions.AsNoTracking().OrderBy(r => r.Id).Select(r => $"{r.Id}|{r.Code}|{r.NameKo}|{r.NameEn}|{r.Kind}").ToListAsync());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task Policy_fields_and_departments_use_the_same_pages()
    {
        var client = await site.AdminClientAsync();

        var field = await client.PostFormAsync("/admin/policy-fields/new", "/admin/policy-fields/new", Region("test-field", "시험 분야", "Test field", null));
        var department = await client.PostFormAsync("/admin/departments/new", "/admin/departments/new", Region("test-dept", "시험과", "Test Division", null));
        var invalid = await client.PostFormAsync("/admin/departments/new", "/admin/departments/new", Region("Bad Code!", "", "x", null));

        Assert.Equal(HttpStatusCode.Redirect, field.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, department.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        var html = WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync());
        Assert.Contains("id=\"Code-error\"", html);
        Assert.Contains("id=\"NameKo-error\"", html);
        Assert.True(await site.WithDbAsync(db => db.PolicyFields.AnyAsync(p => p.Code == "test-field")));
        Assert.True(await site.WithDbAsync(db => db.Departments.AnyAsync(d => d.Code == "test-dept")));
        Assert.False(await site.WithDbAsync(db => db.Departments.AnyAsync(d => d.Code == "Bad Code!")));
        Assert.Contains("시험과", await client.GetHtmlAsync("/admin/departments"));
    }

    [Fact]
    public async Task Editing_an_item_that_does_not_exist_is_not_found()
    {
        var client = await site.AdminClientAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/regions/999999/edit")).StatusCode);
    }

    private static Dictionary<string, string> Region(string code, string nameKo, string nameEn, string? kind)
    {
        var fields = new Dictionary<string, string> { ["Code"] = code, ["NameKo"] = nameKo, ["NameEn"] = nameEn, ["SortOrder"] = "5" };
        if (kind is not null)
        {
            fields["RegionKind"] = kind == "city" ? "City" : "District";
        }

        return fields;
    }
}
