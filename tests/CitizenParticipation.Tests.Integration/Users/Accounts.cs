using System.Net;
using System.Text.RegularExpressions;
using CitizenParticipation.Tests.Integration.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace CitizenParticipation.Tests.Integration.Users;

/// <summary>Steps the account tests share: register through the form, confirm through the emailed link.</summary>
public static partial class Accounts
{
    public const string Password = "correct horse 42";

    public static string NewEmail(string prefix) => $"{prefix}-{Guid.NewGuid():N}@test.example";

    /// <summary>A client that keeps cookies, follows no redirects and, if given, browses in <paramref name="culture"/>.</summary>
    public static HttpClient Browser(this SiteFactory site, string? culture = null)
    {
        var cookies = new CookieContainer();
        if (culture is not null)
        {
            cookies.Add(new Uri("http://localhost"), new Cookie(".AspNetCore.Culture", $"c={culture}|uic={culture}"));
        }

        return site.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));
    }

    public static Task<HttpResponseMessage> RegisterAsync(this HttpClient client, string email, string displayName, string password = Password) =>
        client.PostFormAsync("/account/register", "/account/register", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["DisplayName"] = displayName,
            ["Password"] = password,
            ["ConfirmPassword"] = password,
            ["ConfirmAge14OrOver"] = "true",
            ["AgreeToTerms"] = "true",
        });

    /// <summary>Delivers the outbox, opens the confirmation link emailed to <paramref name="email"/> and presses its button.</summary>
    public static async Task<HttpResponseMessage> ConfirmFromMailAsync(this SiteFactory site, HttpClient client, string email)
    {
        await site.DeliverMailAsync();
        var link = Mailbox.Last(site.MailDirectory, email).Link("/account/confirm-email");
        var page = await client.GetStringAsync(link);
        var fields = HiddenField().Matches(page).Where(m => m.Groups[1].Value != "__RequestVerificationToken")
            .ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value));
        return await client.PostFormAsync(link, "/account/confirm-email", fields);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenField();

    /// <summary>Registers, confirms and logs a new citizen in.</summary>
    public static async Task<(HttpClient Client, string Email)> SignedInCitizenAsync(this SiteFactory site, string name)
    {
        var client = site.Browser();
        var email = NewEmail(name);
        Assert.Equal(HttpStatusCode.Redirect, (await client.RegisterAsync(email, name)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.ConfirmFromMailAsync(client, email)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.LoginAsync(email, Password)).StatusCode);
        return (client, email);
    }
}
