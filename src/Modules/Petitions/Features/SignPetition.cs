using CitizenParticipation.Core.Settings;
using CitizenParticipation.Modules.Petitions.Domain;
using CitizenParticipation.Modules.Petitions.Services;
using MediatR;

namespace CitizenParticipation.Modules.Petitions.Features;

public enum SignOutcome
{
    Signed,
    AlreadySigned,
    NotFound,
    NotOpen,
    Rejected,
    VerificationRequired,
    DisagreementDisabled,
    CommentTooLong,
}

/// <summary>
/// 동의 (or 비동의) by one person. Deliberately not an <c>ICommand</c>: the request is handed to
/// <see cref="SignatureBatcher"/>, which checks and commits the signatures of many people in one
/// transaction when thousands sign the same petition at once.
/// </summary>
public sealed record SignPetition(int PetitionId, Guid UserId, SignatureKind Kind, string? Comment, string? IpAddress) : IRequest<SignOutcome>;

public sealed class SignPetitionHandler(ISettings<PetitionSettings> settingsCache, SignatureBatcher batcher) : IRequestHandler<SignPetition, SignOutcome>
{
    public async Task<SignOutcome> Handle(SignPetition request, CancellationToken cancellationToken)
    {
        if (PetitionSignature.IsCommentTooLong(request.Comment))
        {
            return SignOutcome.CommentTooLong;
        }

        var settings = await settingsCache.GetAsync(cancellationToken);
        if (request.Kind == SignatureKind.Disagree && !settings.DisagreementEnabled)
        {
            return SignOutcome.DisagreementDisabled;
        }

        // The petition's state, the person's verification level and the duplicate check are read by the
        // batcher for the whole group, inside the transaction that writes it.
        return await batcher.WriteAsync(request);
    }
}
