package io.guestgate.landing.admission;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import io.guestgate.domain.audit.AuditEvent;
import io.guestgate.domain.audit.AuditLog;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStatus;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.invitation.Invitee;
import io.guestgate.landing.support.Browser;
import io.guestgate.landing.support.Fixtures;
import io.guestgate.landing.support.GuestFlow;
import io.guestgate.landing.support.GuestJwtRecorder;
import io.guestgate.landing.support.LandingTestApplication;
import io.guestgate.landing.support.Logs;
import io.guestgate.landing.support.TestWorld;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.oauth.AccessToken;
import java.net.URI;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole way in, Guest Issuer mode, match policy {@code email}: a real OIDC provider with discovery
 * (mock-oauth2-server), the Webex emulator and the real Redis.
 */
// Levels must be known when logging starts, before dynamic properties exist: GuestGate's own debug lines are part of
// what the no-secrets-in-logs checks read.
@SpringBootTest(
        classes = LandingTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.io.guestgate=DEBUG")
@ExtendWith(OutputCaptureExtension.class)
class GuestIssuerAdmissionTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestWorld.register(registry, TestWorld.properties("https://guestgate.example.test", "guest-issuer", "email"));
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    GuestJwtRecorder jwts;

    @Autowired
    InvitationStore invitations;

    @Autowired
    AuditLog audit;

    @Autowired
    WebexClient webex;

    @Test
    void matchingGuestGetsAGuestTokenThatWebexAccepted(CapturedOutput output) throws Exception {
        Fixtures.Invited anna = Fixtures.invite(context, "Anna Müller", "anna@example.com");
        TestWorld.nextLogin(
                "anna-" + anna.invitation().id(),
                Map.of("name", "Anna Müller", "email", "Anna@Example.com", "email_verified", true, "acr", "high"));
        Browser browser = new Browser(origin());

        GuestFlow.Login login = GuestFlow.verify(browser, origin(), anna.token());

        Map<String, String> authorization = login.authorizationRedirect().locationQuery();
        assertThat(login.authorizationRedirect().location()).startsWith(TestWorld.issuerUri());
        assertThat(authorization)
                .containsKeys("code_challenge", "nonce", "state")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("client_id", TestWorld.CLIENT_ID);
        assertThat(login.admission().status()).isEqualTo(303);
        assertThat(login.admission().location()).endsWith("/join/" + anna.token() + "/meeting");
        assertThat(login.sessionBefore()).isNotNull();
        assertThat(login.sessionAfter())
                .as("a new session id after login")
                .isNotNull()
                .isNotEqualTo(login.sessionBefore());

        Browser.Page meeting = browser.get(login.admission().location());
        assertThat(meeting.status()).isEqualTo(200);
        assertThat(meeting.header("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        assertThat(meeting.body())
                .contains("<link rel=\"stylesheet\" href=\"/meeting/meeting.css\">")
                .contains("<script type=\"module\" src=\"/meeting/meeting.js\"></script>")
                .contains("Verified as Anna Müller");
        Map<String, String> data = meeting.dataAttributes();
        assertThat(data)
                .containsEntry("session-url", "/join/" + anna.token() + "/session")
                .containsEntry("csrf-header", "X-XSRF-TOKEN")
                .containsEntry("lang", "en")
                .containsKey("csrf-token");

        Browser.Page withoutCsrf = browser.post(origin() + data.get("session-url"), Map.of());
        assertThat(withoutCsrf.status())
                .as("the session POST needs the CSRF header")
                .isEqualTo(403);

        int exchangesBefore = jwts.exchanges().size();
        Instant mintedNotBefore = Instant.now();
        Browser.Page session = browser.post(
                origin() + data.get("session-url"), Map.of(data.get("csrf-header"), data.get("csrf-token")));
        Instant mintedNotAfter = Instant.now();

        assertThat(session.status()).isEqualTo(200);
        assertThat(session.header("Cache-Control")).hasValue("no-store");
        JsonNode body = JSON.readTree(session.body());
        String accessToken = body.get("accessToken").asString();
        assertThat(accessToken).isNotBlank();
        assertThat(body.get("destination").asString()).isEqualTo(Fixtures.SIP_ADDRESS);
        assertThat(body.get("displayName").asString()).isEqualTo("Anna Müller");
        assertThat(Instant.parse(body.get("expiresAt").asString())).isAfter(mintedNotAfter);
        assertThat(body.get("sandbox").asBoolean()).isFalse();

        // The JWT the emulator's /jwt/login accepted: exactly sub, name, iss, exp; HS256 over the decoded secret.
        List<GuestJwtRecorder.Exchange> exchanges =
                jwts.exchanges().subList(exchangesBefore, jwts.exchanges().size());
        assertThat(exchanges).hasSize(1);
        assertThat(exchanges.get(0).status()).isEqualTo(200);
        String jwt = exchanges.get(0).jwt();
        byte[] key = Base64.getDecoder().decode(TestWorld.seed().guestIssuer().secret());
        DecodedJWT verified = JWT.require(Algorithm.HMAC256(key)).build().verify(jwt);
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(verified.getPayload()));
        assertThat(claims.propertyNames()).containsExactlyInAnyOrder("sub", "name", "iss", "exp");
        assertThat(verified.getAlgorithm()).isEqualTo("HS256");
        assertThat(verified.getSubject())
                .isEqualTo("gg-" + anna.invitation().id())
                .matches("[A-Za-z0-9-]+");
        assertThat(verified.getClaim("name").asString()).isEqualTo("Anna Müller");
        assertThat(verified.getIssuer())
                .isEqualTo(TestWorld.seed().guestIssuer().id());
        assertThat(verified.getExpiresAtAsInstant())
                .isAfter(mintedNotBefore)
                .isBeforeOrEqualTo(mintedNotAfter.plusSeconds(300));

        // The token works at Webex, in the verified name.
        assertThat(webex.people().me(AccessToken.of(accessToken)).block().displayName())
                .isEqualTo("Anna Müller");

        Invitation stored = invitations.findById(anna.invitation().id()).block();
        assertThat(stored.status()).isEqualTo(InvitationStatus.ADMITTED);
        assertThat(stored.identity().subject())
                .isEqualTo("anna-" + anna.invitation().id());
        assertThat(stored.identity().issuer()).isEqualTo(TestWorld.issuerUri());

        assertThat(organizerMessages())
                .anySatisfy(text -> assertThat(text)
                        .contains("Anna Müller")
                        .contains("ich.app")
                        .contains("joining")
                        .contains("Q3 review"));
        List<AuditEvent> events = auditOf(anna.invitation().id());
        assertThat(events)
                .extracting(AuditEvent::type, AuditEvent::outcome)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("verification", "verified"),
                        org.assertj.core.groups.Tuple.tuple("admission", "admitted"));
        assertThat(events.toString())
                .doesNotContain(accessToken)
                .doesNotContain(jwt)
                .doesNotContain(anna.token());

        assertThat(output.getAll())
                .as("the capture sees the application's logs")
                .contains("Webex POST /v1/jwt/login -> 200");
        Logs.assertNoSecrets(
                output,
                accessToken,
                jwt,
                anna.token(),
                authorization.get("code_challenge"),
                codeOf(login.callbackUrl()),
                data.get("csrf-token"));
    }

    @Test
    void identityThatDoesNotMatchIsRefusedAndTheOrganizerIsTold(CapturedOutput output) {
        Fixtures.Invited bob = Fixtures.invite(context, "Bob Bauer", "bob@example.org");
        TestWorld.nextLogin(
                "mallory-" + bob.invitation().id(),
                Map.of(
                        "given_name",
                        "Mallory",
                        "family_name",
                        "Impostor",
                        "email",
                        "mallory@evil.example",
                        "email_verified",
                        true));
        Browser browser = new Browser(origin());
        int exchangesBefore = jwts.exchanges().size();

        GuestFlow.Login login = GuestFlow.verify(browser, origin(), bob.token());

        assertThat(login.admission().status()).isEqualTo(403);
        assertThat(login.admission().body()).contains("This invitation is for someone else");
        assertThat(jwts.exchanges()).hasSize(exchangesBefore);
        Invitation stored = invitations.findById(bob.invitation().id()).block();
        assertThat(stored.identity()).isNull();
        assertThat(stored.status()).isEqualTo(InvitationStatus.INVITED);
        assertThat(organizerMessages())
                .anySatisfy(text -> assertThat(text)
                        .contains("Mallory Impostor")
                        .contains("Bob Bauer")
                        .contains("refused")
                        .contains("not the invited one"));
        assertThat(auditOf(bob.invitation().id())).anySatisfy(event -> {
            assertThat(event.outcome()).isEqualTo("refused");
            assertThat(event.details())
                    .containsEntry("reason", "email-differs")
                    .containsEntry("verifiedName", "Mallory Impostor");
        });

        // Nothing behind the link opens for this session.
        Browser.Page meeting = browser.get(origin() + "/join/" + bob.token() + "/meeting");
        assertThat(meeting.status()).isEqualTo(303);
        assertThat(meeting.location()).endsWith("/join/" + bob.token());
        Map<String, String> csrf =
                browser.get(origin() + "/join/" + bob.token()).hiddenFields();
        Browser.Page session = browser.post(
                origin() + "/join/" + bob.token() + "/session",
                Map.of("X-XSRF-TOKEN", csrf.values().iterator().next()));
        assertThat(session.status()).isEqualTo(403);
        assertThat(session.body()).contains("session.not-verified");
        assertThat(jwts.exchanges()).hasSize(exchangesBefore);
        Logs.assertNoSecrets(output, bob.token(), codeOf(login.callbackUrl()));
    }

    @Test
    void theOrganizerLearnsWhoseInvitationWasUsedAndThatTheVerifiedNameDiffers() {
        Fixtures.Invited carla = Fixtures.invite(context, "Carla Example", "carla@example.com");
        TestWorld.nextLogin(
                "someone-" + carla.invitation().id(),
                Map.of("name", "Someone Else", "email", "carla@example.com", "email_verified", true));

        GuestFlow.Login login = GuestFlow.verify(new Browser(origin()), origin(), carla.token());

        assertThat(login.admission().status())
                .as("the email policy lets the address decide")
                .isEqualTo(303);
        // The organizer is told before the guest's admission step answers.
        assertThat(organizerMessages())
                .anySatisfy(text -> assertThat(text)
                        .contains("**Someone Else**")
                        .contains("invitation of **Carla Example** (carla@example.com)")
                        .contains("not the invited name"));
    }

    @Test
    void aGuestTheOrganizerAdmitsThemselvesWaitsForThemWhateverTheMatchPolicy(CapturedOutput output) {
        Fixtures.Invited otto = Fixtures.invite(context, new Invitee("Otto Ohne", "otto@example.com", null, true));
        TestWorld.nextLogin(
                "otto-" + otto.invitation().id(),
                Map.of("name", "Otto O.", "email", "otto.private@example.net", "email_verified", true));

        GuestFlow.Login login = GuestFlow.verify(new Browser(origin()), origin(), otto.token());

        assertThat(login.admission().status())
                .as("not refused for the other address")
                .isEqualTo(303);
        assertThat(login.admission().location()).endsWith("/join/" + otto.token() + "/waiting");
        assertThat(organizerMessages())
                .as("the organizer's card")
                .anySatisfy(text -> assertThat(text).contains("Otto O."));
        assertThat(invitations.findById(otto.invitation().id()).block().identity())
                .as("nobody holds the link before the organizer answered")
                .isNull();
        Logs.assertNoSecrets(output, otto.token(), codeOf(login.callbackUrl()));
    }

    @Test
    void theLanguageTheOrganizerChoseForTheGuestBeatsTheBrowsers() {
        Fixtures.Invited ute = Fixtures.invite(context, new Invitee("Ute Ulm", "ute@example.com", "de", false));

        Browser.Page join = new Browser(origin()).language("en-GB,en;q=0.9").get(origin() + "/join/" + ute.token());

        assertThat(join.status()).isEqualTo(200);
        assertThat(join.body()).contains("lang=\"de\"").contains("Q3 review");
    }

    @Test
    void unverifiedEmailIsRefusedInTheGuestsLanguage(CapturedOutput output) {
        Fixtures.Invited eva = Fixtures.invite(context, "Eva Egger", "eva@example.at");
        TestWorld.nextLogin(
                "eva-" + eva.invitation().id(),
                Map.of("name", "Eva Egger", "email", "eva@example.at", "email_verified", false));
        Browser browser = new Browser(origin()).language("de-AT,de;q=0.9,en;q=0.5");

        GuestFlow.Login login = GuestFlow.verify(browser, origin(), eva.token());

        assertThat(login.admission().status()).isEqualTo(403);
        assertThat(login.admission().body())
                .contains("Ihre E-Mail-Adresse ist nicht bestätigt")
                .contains("lang=\"de\"");
        assertThat(invitations.findById(eva.invitation().id()).block().identity())
                .isNull();
        Logs.assertNoSecrets(output, eva.token(), codeOf(login.callbackUrl()));
    }

    @Test
    void linkAlreadyBoundIsRefusedForAnotherIdentity(CapturedOutput output) {
        Fixtures.Invited carol = Fixtures.invite(context, "Carol Clark", "carol@example.com");
        TestWorld.nextLogin(
                "carol-" + carol.invitation().id(),
                Map.of("name", "Carol Clark", "email", "carol@example.com", "email_verified", true));
        GuestFlow.Login first = GuestFlow.verify(new Browser(origin()), origin(), carol.token());
        assertThat(first.admission().status()).isEqualTo(303);

        // Someone else, even one whose provider vouches for the same address, cannot use the link any more.
        TestWorld.nextLogin(
                "other-" + carol.invitation().id(),
                Map.of("name", "Caroline Other", "email", "carol@example.com", "email_verified", true));
        Browser second = new Browser(origin());
        GuestFlow.Login later = GuestFlow.verify(second, origin(), carol.token());

        assertThat(later.admission().status()).isEqualTo(403);
        assertThat(later.admission().body()).contains("This invitation is already in use");
        assertThat(second.get(origin() + "/join/" + carol.token() + "/meeting").status())
                .isEqualTo(303);
        Invitation stored = invitations.findById(carol.invitation().id()).block();
        assertThat(stored.identity().subject())
                .isEqualTo("carol-" + carol.invitation().id());
        assertThat(organizerMessages())
                .anySatisfy(text -> assertThat(text)
                        .contains("Caroline Other")
                        .contains("Carol Clark")
                        .contains("already held"));
        assertThat(auditOf(carol.invitation().id())).anySatisfy(event -> {
            assertThat(event.outcome()).isEqualTo("refused");
            assertThat(event.details()).containsEntry("reason", "held-by-another");
        });
        Logs.assertNoSecrets(output, carol.token(), codeOf(first.callbackUrl()), codeOf(later.callbackUrl()));
    }

    @Test
    void revokedCancelledAndOverLinksAreGoneUnknownOnesAreNotFound(CapturedOutput output) {
        Fixtures.Invited revoked = Fixtures.invite(context, "Rita Revoked", "rita@example.com");
        invitations.revoke(revoked.invitation().id()).block();
        Fixtures.Invited cancelled = Fixtures.invite(context, "Carl Cancelled", "carl@example.com");
        context.getBean(io.guestgate.domain.meeting.MeetingStore.class)
                .save(cancelled.meeting().cancelled())
                .block();
        Fixtures.Invited over = Fixtures.invite(
                context, "Otto Over", "otto@example.com", Instant.now().minus(java.time.Duration.ofHours(3)));
        Fixtures.Invited early = Fixtures.invite(
                context, "Erna Early", "erna@example.com", Instant.now().plus(java.time.Duration.ofDays(2)));
        Browser browser = new Browser(origin());

        assertThat(browser.get(origin() + "/join/" + revoked.token()).status()).isEqualTo(410);
        Browser.Page withoutCsrf = browser.postForm(origin() + "/join/" + revoked.token() + "/verify", Map.of());
        assertThat(withoutCsrf.status())
                .as("a POST without CSRF token is refused before anything else: back to "
                        + "the link page, where a fresh form can be sent")
                .isEqualTo(303);
        assertThat(withoutCsrf.location()).isEqualTo(origin() + "/join/" + revoked.token());
        assertThat(browser.get(origin() + "/join/" + cancelled.token()).status())
                .isEqualTo(410);
        Browser.Page gone = browser.get(origin() + "/join/" + over.token());
        assertThat(gone.status()).isEqualTo(410);
        assertThat(gone.body()).contains("This invitation is no longer valid");

        Browser.Page tooEarly = browser.get(origin() + "/join/" + early.token());
        assertThat(tooEarly.status()).isEqualTo(200);
        assertThat(tooEarly.body())
                .contains("Too early")
                .contains("opens on")
                .contains("Europe/Vienna")
                .doesNotContain("Verify with");

        Browser.Page unknown = browser.get(origin() + "/join/" + io.guestgate.domain.invitation.LinkTokens.generate());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("This link does not work");
        Browser.Page unknownGerman = new Browser(origin()).language("de").get(origin() + "/join/too-short");
        assertThat(unknownGerman.status()).isEqualTo(404);
        assertThat(unknownGerman.body()).contains("Dieser Link funktioniert nicht");

        Logs.assertNoSecrets(output, revoked.token(), cancelled.token(), over.token(), early.token());
    }

    @Test
    void replayedCallbackIsRefused(CapturedOutput output) {
        Fixtures.Invited dora = Fixtures.invite(context, "Dora Dorn", "dora@example.com");
        TestWorld.nextLogin(
                "dora-" + dora.invitation().id(),
                Map.of("name", "Dora Dorn", "email", "dora@example.com", "email_verified", true));
        Browser browser = new Browser(origin());
        GuestFlow.Login login = GuestFlow.verify(browser, origin(), dora.token());
        assertThat(login.admission().status()).isEqualTo(303);
        long verificationsBefore = auditOf(dora.invitation().id()).stream()
                .filter(e -> e.type().equals("verification"))
                .count();

        Browser.Page sameBrowser = browser.get(login.callbackUrl());
        Browser.Page otherBrowser = new Browser(origin()).get(login.callbackUrl());

        for (Browser.Page replay : List.of(sameBrowser, otherBrowser)) {
            assertThat(replay.status()).isEqualTo(302);
            assertThat(URI.create(replay.location()).getPath()).isEqualTo("/login/failed");
        }
        Browser.Page failed = browser.get(sameBrowser.location());
        assertThat(failed.status()).isEqualTo(401);
        assertThat(failed.body()).contains("The identity check did not complete");
        assertThat(auditOf(dora.invitation().id()).stream()
                        .filter(e -> e.type().equals("verification"))
                        .count())
                .isEqualTo(verificationsBefore);
        Logs.assertNoSecrets(output, dora.token(), codeOf(login.callbackUrl()));
    }

    @Test
    void tooManyRequestsForOneInvitationGetA429Page(CapturedOutput output) {
        Fixtures.Invited busy = Fixtures.invite(context, "Bert Busy", "bert@example.com");
        Browser browser = new Browser(origin());
        for (int i = 0; i < 12; i++) {
            assertThat(browser.get(origin() + "/join/" + busy.token()).status()).isEqualTo(200);
        }

        Browser.Page limited = browser.get(origin() + "/join/" + busy.token());

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After"))
                .hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
        assertThat(limited.body()).contains("Too many attempts");
        Logs.assertNoSecrets(output, busy.token());
    }

    @Test
    void everyLandingResponseCarriesTheSecurityHeaders() {
        Fixtures.Invited frank = Fixtures.invite(context, "Frank Frei", "frank@example.com");
        Fixtures.Invited revoked = Fixtures.invite(context, "Rolf Revoked", "rolf@example.com");
        invitations.revoke(revoked.invitation().id()).block();
        Browser browser = new Browser(origin());
        String link = origin() + "/join/" + frank.token();
        Map<String, String> csrf = browser.get(link).hiddenFields();

        List<Browser.Page> pages = List.of(
                browser.get(link),
                browser.get(origin() + "/join/" + revoked.token()),
                browser.get(origin() + "/join/not-a-token"),
                browser.get(link + "/admission"),
                browser.get(link + "/waiting"),
                browser.get(link + "/meeting"),
                browser.post(
                        link + "/session",
                        Map.of("X-XSRF-TOKEN", csrf.values().iterator().next())),
                browser.post(link + "/session", Map.of()),
                browser.postForm(link + "/verify", csrf),
                browser.get(origin() + "/oauth2/authorization/ichapp"),
                browser.get(origin() + "/login/oauth2/code/ichapp?code=forged&state=forged"),
                browser.get(origin() + "/login/failed"),
                browser.get(origin() + "/login/unfinished"),
                browser.get(origin() + "/landing/landing.css"),
                browser.get(origin() + "/meeting/meeting.js"),
                browser.get(origin() + "/join/" + frank.token() + "/no/such/page"));

        assertThat(pages)
                .extracting(Browser.Page::status)
                .containsExactly(200, 410, 404, 400, 400, 303, 403, 403, 303, 302, 302, 401, 400, 200, 200, 404);
        for (Browser.Page page : pages) {
            assertThat(page.header("Content-Security-Policy"))
                    .as("CSP on %s", page)
                    .hasValueSatisfying(csp -> assertThat(csp)
                            .contains("default-src 'self'")
                            .contains("frame-ancestors 'none'")
                            .contains("https://*.webex.com")
                            .contains("wss://*.wbx2.com")
                            .contains("media-src 'self' blob:")
                            .contains("form-action 'self' "
                                    + TestWorld.issuerUri().replace("/ichapp", "")));
            assertThat(page.header("Referrer-Policy"))
                    .as("Referrer-Policy on %s", page)
                    .hasValue("no-referrer");
            assertThat(page.header("X-Frame-Options"))
                    .as("X-Frame-Options on %s", page)
                    .hasValue("DENY");
            assertThat(page.header("X-Content-Type-Options"))
                    .as("nosniff on %s", page)
                    .hasValue("nosniff");
            assertThat(page.header("Strict-Transport-Security"))
                    .as("HSTS on %s (public URL is https)", page)
                    .hasValueSatisfying(hsts -> assertThat(hsts).startsWith("max-age="));
        }
    }

    @Test
    void browsersFindAFaviconAndHeadRequestsAreAnsweredLikeGets() throws Exception {
        Fixtures.Invited hedi = Fixtures.invite(context, "Hedi Head", "hedi@example.com");
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

        java.net.http.HttpResponse<byte[]> favicon = http.send(
                java.net.http.HttpRequest.newBuilder(URI.create(origin() + "/favicon.ico"))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        java.net.http.HttpResponse<Void> head = http.send(
                java.net.http.HttpRequest.newBuilder(URI.create(origin() + "/join/" + hedi.token()))
                        .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());

        assertThat(favicon.statusCode()).isEqualTo(200);
        assertThat(favicon.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).contains("icon"));
        assertThat(favicon.body()).startsWith(0, 0, 1, 0);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    }

    @Test
    void theRestOfTheApplicationNeedsNoLoginAndNoCsrfToken() {
        Browser browser = new Browser(origin());

        Browser.Page webhook = browser.post(origin() + "/webhooks/webex", Map.of());
        Browser.Page linking = browser.get(origin() + "/oauth/webex/start");
        Browser.Page health = browser.get(origin() + "/actuator/health");

        assertThat(webhook.status()).isEqualTo(200);
        assertThat(webhook.body()).isEqualTo("webhook:2");
        assertThat(linking.status()).isEqualTo(200);
        assertThat(linking.body()).isEqualTo("link-start");
        assertThat(health.status()).isEqualTo(200);
        assertThat(browser.cookies()).as("no session is started for them").isEmpty();
        // Webhooks pass no security filter chain at all (their signature is their authentication); the rest passes
        // the permissive one, which still writes Spring Security's default headers.
        assertThat(linking.header("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(webhook.header("X-Content-Type-Options")).isEmpty();
    }

    private String origin() {
        return "http://localhost:" + port;
    }

    private List<String> organizerMessages() {
        String organizer = TestWorld.seed().organizer().id();
        return TestWorld.webex().messages().stream()
                .filter(m -> organizer.equals(m.toPersonId()))
                .map(m -> m.markdown() == null ? "" : m.markdown())
                .toList();
    }

    private List<AuditEvent> auditOf(String invitationId) {
        return audit.latest(200)
                .filter(e -> invitationId.equals(e.invitationId()))
                .collectList()
                .block();
    }

    private static String codeOf(String callbackUrl) {
        String query = URI.create(callbackUrl).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("code=")) {
                return pair.substring(5);
            }
        }
        return null;
    }
}
