package io.guestgate.landing.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.landing.support.Browser;
import io.guestgate.landing.support.Fixtures;
import io.guestgate.landing.support.GuestFlow;
import io.guestgate.landing.support.LandingTestApplication;
import io.guestgate.landing.support.TestWorld;
import io.guestgate.platform.redis.RedisKeys;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The default: no trusted proxies, so the socket's address is the client's, whatever a request's forwarded headers
 * say. Run as on Kubernetes with {@code server.forward-headers-strategy} unset, where Spring Boot would otherwise
 * switch on Reactor Netty's own forwarded-header handling (which believes the left-most address of any client).
 */
@SpringBootTest(
        classes = LandingTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.cloud-platform=kubernetes")
class ForwardedHeadersWithoutTrustedProxiesTest {

    private static final int PER_IP = 5;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Map<String, String> properties =
                new java.util.LinkedHashMap<>(TestWorld.properties("http://localhost:8080", "guest-issuer", "email"));
        properties.put("guestgate.landing.rate-limit.per-ip", Integer.toString(PER_IP));
        properties.put("guestgate.landing.rate-limit.per-invitation", "1000");
        TestWorld.register(registry, properties);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    RedisKeys keys;

    /** Every test's requests come from 127.0.0.1: each starts with the address's whole allowance. */
    @BeforeEach
    void freshAllowanceFor127001() {
        redis.delete(keys.key("ratelimit", "ip", "127.0.0.1")).block();
    }

    @Test
    void aClientCannotChooseItsAddressWithForwardedHeaders() {
        Fixtures.Invited link = Fixtures.invite(context, "Fritz Forger", "fritz@example.com");
        for (int i = 0; i < PER_IP; i++) {
            Browser.Page page = new Browser(origin())
                    .header("X-Forwarded-For", "198.18.2." + i)
                    .header("Forwarded", "for=198.18.3." + i)
                    .get(origin() + "/join/" + link.token());
            assertThat(page.status()).as("request %d", i + 1).isEqualTo(200);
        }

        Browser.Page limited = new Browser(origin())
                .header("X-Forwarded-For", "198.18.2.99")
                .header("Forwarded", "for=198.18.3.99")
                .get(origin() + "/join/" + link.token());

        assertThat(limited.status()).as("every request came from 127.0.0.1").isEqualTo(429);
    }

    @Test
    void aClientCannotChooseTheSchemeOrHostOfTheLoginRedirect() {
        Fixtures.Invited link = Fixtures.invite(context, "Hanna Host", "hanna.host@example.com");
        Browser browser = new Browser(origin())
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example")
                .header("Forwarded", "proto=https;host=evil.example");

        Browser.Page authorization = GuestFlow.startLogin(browser, origin(), link.token());

        assertThat(authorization.locationQuery().get("redirect_uri")).startsWith(origin() + "/login/oauth2/code/");
    }

    private String origin() {
        return "http://127.0.0.1:" + port;
    }
}
