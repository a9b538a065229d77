using CitizenParticipation.Core.Contracts;
using CitizenParticipation.Core.Data;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Features;
using CitizenParticipation.Modules.Petitions.Services;
using static CitizenParticipation.Modules.Petitions.Services.SignatureBatcher;

namespace CitizenParticipation.Tests.Unit;

/// <summary>Why the signature writer refuses a signature, from the petition's state and the signer's verification (no database needed).</summary>
public sealed class SigningRefusalTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    private static PetitionState State(PetitionStatus status, DateTime? closesAt = null) =>
        new(1, status, closesAt ?? Now.AddDays(1), 10, true, true);

    private static Signer Person(bool emailConfirmed = true, bool residentVerified = false) =>
        new(Guid.NewGuid(), "홍길동", User.LevelOf(residentVerified, emailConfirmed), null, "example.com");

    private static readonly PetitionSettings Settings = new() { RequiredVerification = VerificationLevel.EmailConfirmed };

    public static TheoryData<PetitionStatus, SignOutcome?> ByStatus() => new()
    {
        { PetitionStatus.Draft, SignOutcome.NotFound },
        { PetitionStatus.CollectingAgreements, SignOutcome.NotFound },
        { PetitionStatus.PendingModeration, SignOutcome.NotFound },
        { PetitionStatus.Hidden, SignOutcome.NotFound },
        { PetitionStatus.Rejected, SignOutcome.Rejected },
        { PetitionStatus.Answered, SignOutcome.NotOpen },
        { PetitionStatus.Closed, SignOutcome.NotOpen },
        { PetitionStatus.Open, null },
        { PetitionStatus.AwaitingAnswer, null },
    };

    [Fact]
    public void Every_status_has_its_expected_outcome() =>
        Assert.Equal(Enum.GetValues<PetitionStatus>().Order(), ByStatus().Select(row => (PetitionStatus)row[0]).Order());

    [Theory]
    [MemberData(nameof(ByStatus))]
    public void Only_open_petitions_and_those_awaiting_an_answer_take_signatures_and_the_others_say_why(PetitionStatus status, SignOutcome? expected) =>
        Assert.Equal(expected, Refusal(State(status), Person(), Settings, Now));

    [Fact]
    public void A_petition_that_does_not_exist_is_not_found() =>
        Assert.Equal(SignOutcome.NotFound, Refusal(null, Person(), Settings, Now));

    [Theory]
    [InlineData(PetitionStatus.Open)]
    [InlineData(PetitionStatus.AwaitingAnswer)]
    public void A_petition_whose_period_has_ended_is_not_open_even_before_maintenance_closes_it(PetitionStatus status)
    {
        Assert.Equal(SignOutcome.NotOpen, Refusal(State(status, Now), Person(), Settings, Now));
        Assert.Equal(SignOutcome.NotOpen, Refusal(State(status, Now.AddTicks(-1)), Person(), Settings, Now));
        Assert.Null(Refusal(State(status, Now.AddTicks(1)), Person(), Settings, Now));
    }

    [Fact]
    public void The_petitions_state_is_checked_before_the_signer()
    {
        Assert.Equal(SignOutcome.Rejected, Refusal(State(PetitionStatus.Rejected), null, Settings, Now));
        Assert.Equal(SignOutcome.NotOpen, Refusal(State(PetitionStatus.Closed), Person(emailConfirmed: false), Settings, Now));
    }

    [Theory]
    [InlineData(VerificationLevel.None, false, false, null)]
    [InlineData(VerificationLevel.EmailConfirmed, false, false, SignOutcome.VerificationRequired)]
    [InlineData(VerificationLevel.EmailConfirmed, true, false, null)]
    [InlineData(VerificationLevel.EmailConfirmed, false, true, null)]
    [InlineData(VerificationLevel.ResidentVerified, true, false, SignOutcome.VerificationRequired)]
    [InlineData(VerificationLevel.ResidentVerified, false, true, null)]
    [InlineData(VerificationLevel.ResidentVerified, true, true, null)]
    public void The_signer_needs_the_verification_the_site_requires(VerificationLevel required, bool emailConfirmed, bool residentVerified, SignOutcome? expected) =>
        Assert.Equal(expected, Refusal(State(PetitionStatus.Open), Person(emailConfirmed, residentVerified), Settings with { RequiredVerification = required }, Now));

    [Fact]
    public void A_signer_without_an_account_needs_verification_even_when_none_is_required() =>
        Assert.Equal(SignOutcome.VerificationRequired, Refusal(State(PetitionStatus.Open), null, Settings with { RequiredVerification = VerificationLevel.None }, Now));
}
