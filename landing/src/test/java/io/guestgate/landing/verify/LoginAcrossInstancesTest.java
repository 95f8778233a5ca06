package io.guestgate.landing.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.domain.invitation.InvitationStatus;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.emulator.journal.JournalEntry;
import io.guestgate.landing.support.Browser;
import io.guestgate.landing.support.Fixtures;
import io.guestgate.landing.support.GuestFlow;
import io.guestgate.landing.support.GuestJwtRecorder;
import io.guestgate.landing.support.LandingTestApplication;
import io.guestgate.landing.support.Logs;
import io.guestgate.landing.support.TestWorld;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.oauth.AccessToken;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of the application sharing one Redis (same key prefix and encryption keys, as a deployment has):
 * the guest starts on A and the identity provider's answer lands on B. Both run in {@code service-app} mode, so this
 * is also the Service App path of the guest token ({@code POST /v1/guests/token}).
 */
@ExtendWith(OutputCaptureExtension.class)
class LoginAcrossInstancesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static ConfigurableApplicationContext instanceA;
    private static ConfigurableApplicationContext instanceB;

    @BeforeAll
    static void startTwoInstances() {
        Map<String, String> shared = TestWorld.properties("http://localhost:8080", "service-app", "email");
        instanceA = start(shared);
        instanceB = start(shared);
    }

    @AfterAll
    static void stop() {
        if (instanceA != null) {
            instanceA.close();
        }
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void loginStartedOnOneInstanceFinishesOnAnotherWithAServiceAppGuestToken(CapturedOutput output) throws Exception {
        Fixtures.Invited lena = Fixtures.invite(instanceA, "Lena Lang", "lena@example.com");
        TestWorld.nextLogin(
                "lena-" + lena.invitation().id(),
                Map.of(
                        "given_name",
                        "Lena",
                        "family_name",
                        "Lang",
                        "email",
                        "lena@example.com",
                        "email_verified",
                        true));
        String a = origin(instanceA);
        String b = origin(instanceB);
        Browser browser = new Browser(a, b);
        TestWorld.webex().clearRequests();

        GuestFlow.Login login = GuestFlow.verify(browser, a, b, lena.token());

        assertThat(login.callbackUrl()).startsWith(b + "/login/oauth2/code/ichapp?");
        assertThat(login.admission().uri().toString()).startsWith(b + "/join/");
        assertThat(login.admission().status()).isEqualTo(303);
        Browser.Page meeting = browser.get(b + "/join/" + lena.token() + "/meeting");
        assertThat(meeting.status()).isEqualTo(200);
        Map<String, String> data = meeting.dataAttributes();
        Browser.Page session =
                browser.post(b + data.get("session-url"), Map.of(data.get("csrf-header"), data.get("csrf-token")));

        assertThat(session.status()).isEqualTo(200);
        assertThat(session.header("Cache-Control")).hasValue("no-store");
        JsonNode body = JSON.readTree(session.body());
        String accessToken = body.get("accessToken").asString();
        assertThat(body.get("displayName").asString()).isEqualTo("Lena Lang");
        assertThat(body.get("destination").asString()).isEqualTo(Fixtures.SIP_ADDRESS);
        WebexClient webex = instanceB.getBean(WebexClient.class);
        assertThat(webex.people().me(AccessToken.of(accessToken)).block().displayName())
                .isEqualTo("Lena Lang");

        List<JournalEntry> guestTokens = TestWorld.webex().requests("POST", "/v1/guests/token");
        assertThat(guestTokens).hasSize(1);
        assertThat(guestTokens.get(0).status()).isEqualTo(200);
        assertThat(TestWorld.webex().requests("POST", "/v1/jwt/login")).isEmpty();
        assertThat(instanceA.getBean(GuestJwtRecorder.class).exchanges()).isEmpty();
        assertThat(instanceB
                        .getBean(InvitationStore.class)
                        .findById(lena.invitation().id())
                        .block()
                        .status())
                .isEqualTo(InvitationStatus.ADMITTED);
        // The web session (and the OIDC login state in it) lives in Redis, under GuestGate's key prefix.
        String prefix = instanceA.getEnvironment().getProperty("guestgate.redis.key-prefix");
        ReactiveStringRedisTemplate redis = instanceA.getBean(ReactiveStringRedisTemplate.class);
        List<String> sessionKeys =
                redis.keys(prefix + "session:*").collectList().block();
        assertThat(sessionKeys).isNotEmpty();
        assertThat(sessionKeys)
                .allSatisfy(key -> assertThat(redis.getExpire(key).block())
                        .as("TTL of %s", key)
                        .isPositive());
        assertThat(output.getAll())
                .as("the capture sees both instances start and call Webex")
                .contains("Netty started on port")
                .contains("Webex POST /v1/guests/token -> 200");
        Logs.assertNoSecrets(output, accessToken, lena.token(), data.get("csrf-token"));
    }

    private static ConfigurableApplicationContext start(Map<String, String> properties) {
        Map<String, Object> withPort = new java.util.LinkedHashMap<>(properties);
        withPort.put("server.port", "0");
        return new SpringApplicationBuilder(LandingTestApplication.class)
                .web(WebApplicationType.REACTIVE)
                .properties(withPort)
                .run();
    }

    private static String origin(ConfigurableApplicationContext context) {
        return "http://localhost:"
                + ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
