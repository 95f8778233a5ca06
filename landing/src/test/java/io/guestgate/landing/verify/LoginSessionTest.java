package io.guestgate.landing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.domain.audit.AuditEvent;
import io.guestgate.domain.audit.AuditLog;
import io.guestgate.domain.invitation.Invitation;
import io.guestgate.domain.invitation.InvitationStatus;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.landing.support.Browser;
import io.guestgate.landing.support.Fixtures;
import io.guestgate.landing.support.GuestFlow;
import io.guestgate.landing.support.LandingTestApplication;
import io.guestgate.landing.support.Logs;
import io.guestgate.landing.support.TestWorld;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveRedisTemplate;
import org.springframework.data.redis.serializer.RedisSerializationContext;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What the guest's web session holds and what a login in it counts for: real Redis, mock-oauth2-server as the
 * identity provider, the Webex emulator. The public URL is https while the test speaks plain http to the instance,
 * as a TLS-terminating proxy does.
 */
@SpringBootTest(
        classes = LandingTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "logging.level.io.guestgate=DEBUG")
@ExtendWith(OutputCaptureExtension.class)
class LoginSessionTest {

    /** The magic bytes of a Java serialisation stream. */
    private static final byte[] JAVA_SERIALISATION = {(byte) 0xAC, (byte) 0xED};
    /** A compact JWS, as an ID token is sent: base64url JSON header ("eyJ" is '{"'), payload, signature. */
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestWorld.register(registry, TestWorld.properties("https://guestgate.example.test", "guest-issuer", "email"));
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    InvitationStore invitations;

    @Autowired
    AuditLog audit;

    @Autowired
    ReactiveRedisConnectionFactory redisConnections;

    @Test
    void aLoginForOneInvitationDoesNotCountForAnother(CapturedOutput output) {
        // The same person is invited to two meetings; she verifies for the first one.
        Fixtures.Invited first = Fixtures.invite(context, "Anna Alt", "anna.alt@example.com");
        Fixtures.Invited second = Fixtures.invite(context, "Anna Alt", "anna.alt@example.com");
        TestWorld.nextLogin(
                "anna-" + first.invitation().id(),
                Map.of("name", "Anna Alt", "email", "anna.alt@example.com", "email_verified", true));
        Browser browser = new Browser(origin());
        GuestFlow.Login login = GuestFlow.verify(browser, origin(), first.token());
        assertThat(login.admission().status()).isEqualTo(303);
        assertThat(login.admission().location()).endsWith("/join/" + first.token() + "/meeting");

        // Then she opens the second link, presses "Verify", and goes straight to the admission step, skipping the
        // identity provider.
        Browser.Page link = browser.get(origin() + "/join/" + second.token());
        assertThat(link.status()).isEqualTo(200);
        Browser.Page verify = browser.postForm(origin() + "/join/" + second.token() + "/verify", link.hiddenFields());
        assertThat(verify.status()).isEqualTo(303);
        Browser.Page skipped = browser.get(origin() + "/join/" + second.token() + "/admission");

        assertThat(skipped.status())
                .as("the first login is not a login for the second invitation")
                .isEqualTo(400);
        assertThat(skipped.body()).contains("Please start from your invitation");
        Invitation stored = invitations.findById(second.invitation().id()).block();
        assertThat(stored.identity()).isNull();
        assertThat(stored.status()).isEqualTo(InvitationStatus.INVITED);
        assertThat(auditOf(second.invitation().id()))
                .extracting(AuditEvent::type)
                .doesNotContain("verification");
        assertThat(browser.get(origin() + "/join/" + second.token() + "/meeting")
                        .status())
                .isEqualTo(303);

        // A real login for the second invitation still works in the same session.
        TestWorld.nextLogin(
                "anna-" + first.invitation().id(),
                Map.of("name", "Anna Alt", "email", "anna.alt@example.com", "email_verified", true));
        GuestFlow.Login again = GuestFlow.verify(browser, origin(), second.token());
        assertThat(again.admission().status()).isEqualTo(303);
        assertThat(again.admission().location()).endsWith("/join/" + second.token() + "/meeting");
        assertThat(browser.get(again.admission().location()).status()).isEqualTo(200);
        Logs.assertNoSecrets(output, first.token(), second.token());
    }

    @Test
    void theSessionInRedisHoldsNoJavaObjectsAndNoIdToken(CapturedOutput output) {
        Fixtures.Invited ida = Fixtures.invite(context, "Ida Iske", "ida@example.com");
        Browser browser = new Browser(origin());

        // Half-way: the login request waits in the session for the provider's answer.
        Browser.Page authorization = GuestFlow.startLogin(browser, origin(), ida.token());
        assertNoJavaSerialisation(sessions());
        String nonce = authorization.locationQuery().get("nonce");

        String marker = "not-for-the-session-" + UUID.randomUUID();
        TestWorld.nextLogin(
                "ida-" + ida.invitation().id(),
                Map.of(
                        "name",
                        "Ida Iske",
                        "email",
                        "ida@example.com",
                        "email_verified",
                        true,
                        "acr",
                        "high",
                        "birthdate",
                        marker,
                        "phone_number",
                        marker));
        Browser.Page provider = browser.get(authorization.location());
        Browser.Page back = browser.get(provider.location());
        Browser.Page admission = browser.get(back.location());
        assertThat(admission.status()).isEqualTo(303);
        Browser.Page meeting = browser.get(admission.location());
        assertThat(meeting.status()).isEqualTo(200);
        assertThat(meeting.body()).contains("Verified as Ida Iske");

        Map<String, Map<String, byte[]>> sessions = sessions();
        assertNoJavaSerialisation(sessions);
        Map<String, byte[]> guests = sessionOf(sessions, browser.cookies().get("SESSION"));
        Map<String, String> attributes = new LinkedHashMap<>();
        guests.forEach((field, value) -> {
            if (field.startsWith("sessionAttr:") && value.length > 0) {
                attributes.put(field.substring("sessionAttr:".length()), new String(value, StandardCharsets.UTF_8));
            }
        });
        assertThat(attributes.keySet())
                .as("only what the flow needs")
                .containsExactlyInAnyOrder(
                        "guestgate.landing.admitted", "guestgate.landing.csrf-token", "guestgate.landing.link");
        assertThat(attributes.get("guestgate.landing.link"))
                .as("the link a failed login leads back to, sealed")
                .contains(ida.invitation().id())
                .doesNotContain(ida.token());
        for (Map<String, byte[]> session : sessions.values()) {
            for (byte[] value : session.values()) {
                String text = new String(value, StandardCharsets.ISO_8859_1);
                assertThat(JWT.matcher(text).find())
                        .as("an ID token (or any JWT) in the session")
                        .isFalse();
                assertThat(text).doesNotContain(marker).doesNotContain(nonce);
            }
        }
        assertThat(attributes.get("guestgate.landing.admitted"))
                .contains("Ida Iske")
                .contains("ida@example.com")
                .contains("ida-" + ida.invitation().id())
                .contains("high");
        Logs.assertNoSecrets(output, ida.token(), nonce);
    }

    @Test
    void theSessionCookieIsSecureWhenThePublicUrlIsHttpsWhateverTheRequestSchemeSays() {
        Fixtures.Invited sam = Fixtures.invite(context, "Sam Secure", "sam@example.com");

        Browser.Page link = new Browser(origin()).get(origin() + "/join/" + sam.token());

        assertThat(link.status()).isEqualTo(200);
        assertThat(setCookies(link))
                .filteredOn(cookie -> cookie.startsWith("SESSION="))
                .singleElement()
                .satisfies(cookie -> assertThat(
                                Set.of(cookie.toLowerCase(Locale.ROOT).split(";\\s*")))
                        .contains("secure", "httponly"));
    }

    @Test
    void aSessionThisVersionCannotReadIsDroppedNotAnError() throws Exception {
        Fixtures.Invited olga = Fixtures.invite(context, "Olga Old", "olga@example.com");
        // A session as the previous version wrote it: every value Java-serialised.
        String id = UUID.randomUUID().toString();
        String key = context.getEnvironment().getProperty("guestgate.redis.key-prefix") + "session:sessions:" + id;
        RedisSerializer<Object> jdk = RedisSerializer.java();
        long now = System.currentTimeMillis();
        raw().<String, byte[]>opsForHash()
                .putAll(
                        key,
                        Map.of(
                                "creationTime",
                                jdk.serialize(now),
                                "lastAccessedTime",
                                jdk.serialize(now),
                                "maxInactiveInterval",
                                jdk.serialize(1800),
                                "sessionAttr:guestgate.landing.pending-login",
                                jdk.serialize("{}")))
                .block();
        raw().expire(key, Duration.ofMinutes(5)).block();

        HttpResponse<String> link = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(origin() + "/join/" + olga.token()))
                                .header("Cookie", "SESSION=" + id)
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(link.statusCode()).isEqualTo(200);
        assertThat(link.headers().allValues("Set-Cookie"))
                .anySatisfy(cookie -> assertThat(cookie).startsWith("SESSION=").doesNotStartWith("SESSION=" + id));
        assertThat(raw().hasKey(key).block())
                .as("the unreadable session is deleted")
                .isFalse();
    }

    private String origin() {
        return "http://localhost:" + port;
    }

    private static List<String> setCookies(Browser.Page page) {
        return page.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Set-Cookie"))
                .flatMap(e -> e.getValue().stream())
                .toList();
    }

    /** Redis as it is: keys and hash fields as text, values as the bytes stored. */
    private ReactiveRedisTemplate<String, byte[]> raw() {
        return new ReactiveRedisTemplate<>(
                redisConnections,
                RedisSerializationContext.<String, byte[]>newSerializationContext(RedisSerializer.string())
                        .value(RedisSerializer.byteArray())
                        .hashKey(RedisSerializer.string())
                        .hashValue(RedisSerializer.byteArray())
                        .build());
    }

    /** Every web session of this context's key prefix: field name to the raw bytes Redis holds. */
    private Map<String, Map<String, byte[]>> sessions() {
        ReactiveRedisTemplate<String, byte[]> raw = raw();
        String prefix = context.getEnvironment().getProperty("guestgate.redis.key-prefix");
        Map<String, Map<String, byte[]>> sessions = new LinkedHashMap<>();
        for (String key : raw.keys(prefix + "session:*").collectList().block()) {
            Map<String, byte[]> fields = new LinkedHashMap<>();
            raw.<String, byte[]>opsForHash()
                    .entries(key)
                    .doOnNext(e -> fields.put(e.getKey(), e.getValue()))
                    .blockLast();
            sessions.put(key, fields);
        }
        assertThat(sessions).as("web sessions in Redis").isNotEmpty();
        return sessions;
    }

    private static Map<String, byte[]> sessionOf(Map<String, Map<String, byte[]>> sessions, String sessionId) {
        assertThat(sessionId).isNotNull();
        return sessions.entrySet().stream()
                .filter(e -> e.getKey().endsWith(":" + sessionId))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the guest's session is not in Redis"));
    }

    private static void assertNoJavaSerialisation(Map<String, Map<String, byte[]>> sessions) {
        sessions.forEach(
                (key, fields) -> fields.forEach((field, value) -> assertThat(indexOf(value, JAVA_SERIALISATION))
                        .as("a Java serialisation stream in %s of a web session", field)
                        .isEqualTo(-1)));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            boolean found = true;
            for (int j = 0; j < needle.length && found; j++) {
                found = haystack[i + j] == needle[j];
            }
            if (found) {
                return i;
            }
        }
        return -1;
    }

    private List<AuditEvent> auditOf(String invitationId) {
        return audit.latest(200)
                .filter(e -> invitationId.equals(e.invitationId()))
                .collectList()
                .block();
    }
}
