package io.guestgate.bot.invite;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.bot.command.Command.Participant;
import io.guestgate.bot.i18n.Language;
import io.guestgate.domain.invitation.DeliveryStatus;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStatus;
import io.guestgate.domain.invitation.Invitee;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which addresses become invitations, and how a guest's status reads in {@code show}. */
class GuestRulesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "anna@example.com          | true",
                "Anna.Mueller+q3@sub.example.org | true",
                "anna@localhost            | true",
                "anna                      | false",
                "anna@                     | false",
                "@example.com              | false",
                "anna@@example.com         | false",
                "anna@exa mple.com         | false",
                "Anna <anna@example.com>   | false",
                "anna@example.com, bob@example.com | false"
            })
    void addressesAreCheckedStrictly(String address, boolean accepted) {
        Invitee invitee = GuestAdder.invitee(new Participant(Optional.of("Anna"), address));

        assertThat(invitee != null).as(address).isEqualTo(accepted);
    }

    @Test
    void lineBreaksNeverMakeAnAddress() {
        assertThat(GuestAdder.invitee(new Participant(Optional.of("Anna"), "\"anna\r\nBcc: x\"@example.com")))
                .isNull();
        assertThat(GuestAdder.invitee(new Participant(Optional.of("Anna"), "anna@example.com\r\nBcc: x@evil.test")))
                .isNull();
        assertThat(GuestAdder.invitee(new Participant(Optional.of("Anna\r\nBcc: x@evil.test"), "anna@example.com")))
                .isNull();
    }

    @Test
    void aGuestWithoutANameIsGreetedByAddress() {
        assertThat(GuestAdder.invitee(new Participant(Optional.empty(), "bob@example.org")))
                .isEqualTo(new Invitee("bob@example.org", "bob@example.org"));
    }

    @Test
    void statusReadsAsTheGuestsFurthestStep() {
        Invitation invited = new Invitation(
                "m1abc-x2y3z",
                "m1abc",
                new Invitee("Anna", "anna@example.com"),
                InvitationStatus.INVITED,
                DeliveryStatus.PENDING,
                null,
                null,
                Instant.EPOCH,
                Instant.MAX,
                null,
                0,
                0);

        assertThat(ParticipantStatus.of(invited)).isEqualTo(ParticipantStatus.INVITED);
        assertThat(ParticipantStatus.of(invited.withDelivery(DeliveryStatus.DELIVERED, "invite")))
                .isEqualTo(ParticipantStatus.DELIVERED);
        assertThat(ParticipantStatus.of(invited.withDelivery(DeliveryStatus.FAILED, "rejected")))
                .isEqualTo(ParticipantStatus.FAILED);
        assertThat(ParticipantStatus.of(
                        invited.withDelivery(DeliveryStatus.DELIVERED, "invite").withStatus(InvitationStatus.VERIFIED)))
                .isEqualTo(ParticipantStatus.VERIFIED);
        assertThat(ParticipantStatus.of(invited.withStatus(InvitationStatus.ADMITTED)))
                .isEqualTo(ParticipantStatus.ADMITTED);
        assertThat(ParticipantStatus.of(invited.withStatus(InvitationStatus.REVOKED)))
                .isEqualTo(ParticipantStatus.REVOKED);
        assertThat(ParticipantStatus.label(Language.DE, invited.withDelivery(DeliveryStatus.DELIVERED, "invite")))
                .isEqualTo("Einladung zugestellt");
        assertThat(ParticipantStatus.label(Language.EN, invited.withDelivery(DeliveryStatus.FAILED, "rejected")))
                .isEqualTo("invitation failed");
    }

    @Test
    void underTheNamePolicyAGuestWithoutANameIsNotInvited() {
        List<Participant> participants = List.of(
                new Participant(Optional.of("Anna Muster"), "anna@example.com"),
                new Participant(Optional.empty(), "bob@example.com"),
                new Participant(Optional.of(" "), "carla@example.com"));

        assertThat(GuestAdder.nameless(participants, true)).containsExactly("bob@example.com", "carla@example.com");
        assertThat(GuestAdder.nameless(participants, false)).isEmpty();
    }
}
