package io.guestgate.landing.join;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.landing.support.Browser;
import io.guestgate.landing.support.Fixtures;
import io.guestgate.landing.support.GuestFlow;
import io.guestgate.landing.support.LandingTestApplication;
import io.guestgate.landing.support.TestWorld;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The limit per client address behind a reverse proxy. The test's HTTP client plays the proxy (it connects from
 * 127.0.0.1, configured as trusted) and says in {@code X-Forwarded-For} whom it forwards for. The context also sets
 * {@code server.forward-headers-strategy=framework}, as the Kubernetes manifest did: that setting must not bring back
 * trust in the left-most, client-written address.
 */
@SpringBootTest(classes = LandingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RateLimitsBehindProxiesTest {

    private static final int PER_IP = 10;
    private static final Pattern META_REFRESH = Pattern.compile("<meta http-equiv=\"refresh\" content=\"([^\"]*)\"");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        Map<String, String> properties = new java.util.LinkedHashMap<>(
                TestWorld.properties("http://localhost:8080", "guest-issuer", "host-approval"));
        properties.put("guestgate.landing.rate-limit.per-ip", Integer.toString(PER_IP));
        properties.put("guestgate.landing.rate-limit.per-invitation", "1000");
        properties.put("guestgate.landing.trusted-proxies", "127.0.0.1/32,::1/128");
        properties.put("server.forward-headers-strategy", "framework");
        TestWorld.register(registry, properties);
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Test
    void rotatingTheClientWrittenPartOfXForwardedForDoesNotEscapeTheLimit() {
        Fixtures.Invited link = Fixtures.invite(context, "Rita Rotter", "rita@example.com");
        for (int i = 0; i < PER_IP; i++) {
            Browser.Page page = new Browser(origin())
                    .header("X-Forwarded-For", "198.18.0." + i + ", 203.0.113.10")
                    .get(linkPage(link));
            assertThat(page.status()).as("request %d", i + 1).isEqualTo(200);
        }

        Browser.Page limited = new Browser(origin())
                .header("X-Forwarded-For", "198.18.1.99, 203.0.113.10")
                .get(linkPage(link));

        assertThat(limited.status())
                .as("the address the proxy saw is 203.0.113.10, whatever the client wrote")
                .isEqualTo(429);
        assertThat(new Browser(origin())
                        .header("X-Forwarded-For", "203.0.113.11")
                        .get(linkPage(link))
                        .status())
                .as("another guest behind the same proxy has an allowance of their own")
                .isEqualTo(200);
    }

    @Test
    void threeGuestsBehindOneAddressCanAllWaitForTheOrganizer() {
        String nat = "203.0.113.30";
        List<Fixtures.Invited> guests = List.of(
                Fixtures.invite(context, "Nora Nat", "nora@example.com"),
                Fixtures.invite(context, "Otto Nat", "otto@example.com"),
                Fixtures.invite(context, "Paula Nat", "paula@example.com"));
        List<Browser> browsers = new java.util.ArrayList<>();
        List<String> waitingPages = new java.util.ArrayList<>();
        for (Fixtures.Invited guest : guests) {
            TestWorld.nextLogin(
                    "nat-" + guest.invitation().id(),
                    Map.of(
                            "name",
                            guest.invitation().invitee().name(),
                            "email",
                            guest.invitation().invitee().email(),
                            "email_verified",
                            true));
            Browser browser = new Browser(origin()).header("X-Forwarded-For", nat);
            GuestFlow.Login login = GuestFlow.verify(browser, origin(), guest.token());
            assertThat(login.admission().status()).isEqualTo(303);
            assertThat(login.admission().location()).endsWith("/waiting");
            browsers.add(browser);
            waitingPages.add(login.admission().location());
        }

        // Each page reloads itself every few seconds while the organizer has not answered: many times the
        // allowance of the address between them.
        for (int round = 0; round < PER_IP; round++) {
            for (int g = 0; g < guests.size(); g++) {
                Browser.Page waiting = browsers.get(g).get(waitingPages.get(g));
                assertThat(waiting.status())
                        .as("guest %d, poll %d", g + 1, round + 1)
                        .isEqualTo(200);
                assertThat(waiting.body()).contains("Waiting for the organizer");
            }
        }
        assertThat(browsers.get(0).get(linkPage(guests.get(0))).status())
                .as("the polls used none of the address's allowance")
                .isEqualTo(200);
    }

    @Test
    void theTooManyRequestsPageTriesAgainByItselfAfterRetryAfter() {
        Fixtures.Invited link = Fixtures.invite(context, "Tom Eager", "tom@example.com");
        Browser browser = new Browser(origin()).header("X-Forwarded-For", "203.0.113.40");
        Browser.Page join = null;
        for (int i = 0; i < PER_IP; i++) {
            join = browser.get(linkPage(link));
            assertThat(join.status()).isEqualTo(200);
        }

        Browser.Page limited = browser.get(linkPage(link));
        Browser.Page limitedPost = browser.postForm(linkPage(link) + "/verify", join.hiddenFields());

        assertThat(limited.status()).isEqualTo(429);
        String retryAfter = limited.header("Retry-After").orElseThrow();
        assertThat(Integer.parseInt(retryAfter)).isBetween(1, 60);
        assertThat(refresh(limited))
                .as("reloads the same address when Retry-After has passed")
                .isEqualTo(retryAfter);
        assertThat(limited.body()).contains("tries again by itself");
        assertThat(limitedPost.status()).isEqualTo(429);
        assertThat(refresh(limitedPost))
                .as("a refused form goes back to the link page, not to a GET of the form")
                .isEqualTo(limitedPost.header("Retry-After").orElseThrow() + ";url=/join/" + link.token());
        assertThat(limitedPost.body()).doesNotContain("<script");
    }

    @Test
    void theTrustedProxysSchemeAndHostShapeTheLoginRedirect() {
        Fixtures.Invited link = Fixtures.invite(context, "Hugo Https", "hugo@example.com");
        Browser browser = new Browser(origin())
                .header("X-Forwarded-For", "203.0.113.50")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "guests.example.org");

        Browser.Page authorization = GuestFlow.startLogin(browser, origin(), link.token());

        assertThat(authorization.locationQuery())
                .containsEntry("redirect_uri", "https://guests.example.org/login/oauth2/code/ichapp");
    }

    private static String refresh(Browser.Page page) {
        Matcher matcher = META_REFRESH.matcher(page.body());
        assertThat(matcher.find()).as("a meta refresh on %s", page).isTrue();
        return matcher.group(1).replace(" ", "");
    }

    private String linkPage(Fixtures.Invited invited) {
        return origin() + "/join/" + invited.token();
    }

    private String origin() {
        return "http://127.0.0.1:" + port;
    }
}
