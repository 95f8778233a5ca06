package io.guestgate.landing.admission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;

import io.guestgate.domain.admission.AdmissionProperties;
import io.guestgate.domain.approval.ApprovalStore;
import io.guestgate.domain.invitation.DeliveryStatus;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStatus;
import io.guestgate.domain.invitation.Invitee;
import io.guestgate.domain.invitation.VerifiedIdentity;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStatus;
import io.guestgate.landing.IdentityProperties;
import io.guestgate.landing.join.LinkGuard;
import io.guestgate.landing.join.LinkPages;
import io.guestgate.landing.join.LinkState;
import io.guestgate.landing.verify.ClaimMapping;
import io.guestgate.landing.verify.GuestSession;
import io.guestgate.landing.web.Pages;
import io.guestgate.landing.web.Texts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

/**
 * The admission page on its own (a WebFlux slice): how the controller reads the verified identity from the OpenID
 * Connect login, and where it sends the guest for each outcome. The link guard, the session and the admission rules
 * are stand-ins here; {@link GuestIssuerAdmissionTest} and the browser tests run them for real.
 */
@WebFluxTest
@ContextConfiguration(classes = AdmissionControllerSliceTest.Slice.class)
class AdmissionControllerSliceTest {

    private static final Instant START = Instant.parse("2026-12-08T09:00:00Z");
    private static final Meeting MEETING = new Meeting(
            "m1",
            new Meeting.Organizer("organizer-1", "olga@example.test", "Olga Organizer"),
            "Q3 review",
            START,
            START.plus(Duration.ofHours(1)),
            ZoneId.of("Europe/Vienna"),
            new Meeting.WebexMeeting("webex-1", "2550123456", "https://example.webex.com/m/1", "m1@example.webex.com"),
            0,
            MeetingStatus.SCHEDULED,
            START.minus(Duration.ofDays(1)));
    private static final Invitation INVITATION = new Invitation(
            "m1-i1",
            "m1",
            new Invitee("Anna Muster", "anna@example.test"),
            InvitationStatus.INVITED,
            DeliveryStatus.DELIVERED,
            null,
            null,
            START.minus(Duration.ofDays(1)),
            START.plus(Duration.ofDays(1)),
            null,
            0,
            1);

    @MockitoBean
    LinkGuard guard;

    @MockitoBean
    GuestSession guestSession;

    @MockitoBean
    AdmissionService admission;

    @MockitoBean
    ApprovalStore approvals;

    @Autowired
    WebTestClient web;

    @Test
    void theVerifiedIdentityComesFromTheProvidersClaimsAndAnAdmittedGuestGoesToTheMeeting() {
        open();
        when(admission.verified(eq(MEETING), eq(INVITATION), any()))
                .thenAnswer(call -> Mono.just(new AdmissionOutcome.Admitted(call.getArgument(2))));

        web.mutateWith(login("ichapp"))
                .get()
                .uri("/join/link-token/admission")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SEE_OTHER)
                .expectHeader()
                .location("/join/link-token/meeting");

        ArgumentCaptor<VerifiedIdentity> identity = ArgumentCaptor.forClass(VerifiedIdentity.class);
        verify(admission).verified(eq(MEETING), eq(INVITATION), identity.capture());
        assertThat(identity.getValue().displayName()).isEqualTo("Anna Muster");
        assertThat(identity.getValue().email()).isEqualTo("anna@example.test");
        verify(guestSession).admit(any(), eq("m1-i1"), eq(identity.getValue()));
    }

    @Test
    void aLoginWithAnotherRegistrationIsNoIdentityAndAsksNoAdmission() {
        open();

        web.mutateWith(login("some-other-provider"))
                .get()
                .uri("/join/link-token/admission")
                .exchange()
                .expectStatus()
                .isBadRequest();

        verifyNoInteractions(admission);
    }

    private void open() {
        when(guard.check(eq("link-token"), any(), anyBoolean()))
                .thenReturn(Mono.just(new LinkState.Open(INVITATION, MEETING)));
        when(guestSession.finishLogin(any(), eq("m1-i1"))).thenReturn(true);
    }

    private static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.OidcLoginMutator
            login(String registrationId) {
        return mockOidcLogin()
                .clientRegistration(ClientRegistration.withRegistrationId(registrationId)
                        .clientId("guestgate")
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri("https://guestgate.example.test/login/oauth2/code/" + registrationId)
                        .authorizationUri("https://ich.app/authorize")
                        .tokenUri("https://ich.app/token")
                        .build())
                .idToken(token -> token.issuer("https://ich.app")
                        .subject("subject-1")
                        .claim("name", "Anna Muster")
                        .claim("email", "anna@example.test")
                        .claim("email_verified", true));
    }

    // Not a @Configuration, so that the landing's component scan in the other tests never picks it up.
    @EnableConfigurationProperties({IdentityProperties.class, AdmissionProperties.class})
    @Import({AdmissionController.class, ClaimMapping.class, Pages.class, Texts.class, LinkPages.class})
    static class Slice {

        @Bean
        Clock clock() {
            return Clock.fixed(START.minus(Duration.ofMinutes(10)), ZoneId.of("UTC"));
        }
    }
}
