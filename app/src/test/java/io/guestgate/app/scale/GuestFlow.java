package io.guestgate.app.scale;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.landing.support.Browser;
import java.net.URI;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A guest's way in, hop by hop as a browser takes it: personal link → "verify" → the identity provider (which
 * answers at once with the login the test queued) → back to GuestGate → admission → meeting page → the POST that
 * mints the guest token. The first hops are the landing tests' own ({@code io.guestgate.landing.support.GuestFlow}).
 */
public final class GuestFlow {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private GuestFlow() {}

    /**
     * @param session       the meeting page's session answer: access token, display name, destination
     * @param callbackNanos from sending the identity provider's callback to GuestGate until the guest token arrived,
     *                      counting only GuestGate's answers (the browser's own hops are on loopback)
     */
    public record Admitted(JsonNode session, long callbackNanos) {

        public String accessToken() {
            return session.get("accessToken").asString();
        }

        public String displayName() {
            return session.get("displayName").asString();
        }
    }

    /** Admits the guest holding {@code token} with a browser of its own. */
    public static Admitted admit(String publicUrl, String token) {
        return admit(publicUrl, token, () -> {}, () -> {});
    }

    /**
     * As {@link #admit(String, String)}; {@code beforeTimed} and {@code afterTimed} run right before and after each
     * request whose answer counts to {@link Admitted#callbackNanos}, so that a benchmark can attribute what happened
     * in GuestGate meanwhile.
     */
    public static Admitted admit(String publicUrl, String token, Runnable beforeTimed, Runnable afterTimed) {
        Browser browser = new Browser(publicUrl);
        Browser.Page authorization = io.guestgate.landing.support.GuestFlow.startLogin(browser, publicUrl, token);
        Browser.Page provider = browser.get(authorization.location());
        assertThat(provider.status())
                .as("the identity provider answers at once")
                .isEqualTo(302);
        assertThat(URI.create(provider.location()).getPath()).isEqualTo("/login/oauth2/code/" + ScaleWorld.IDP_ISSUER);

        long server = 0;
        beforeTimed.run();
        long start = System.nanoTime();
        Browser.Page page = browser.get(provider.location());
        server += System.nanoTime() - start;
        afterTimed.run();
        for (int hops = 0; page.isRedirect() && hops < 5; hops++) {
            beforeTimed.run();
            start = System.nanoTime();
            page = browser.get(page.location());
            server += System.nanoTime() - start;
            afterTimed.run();
        }
        assertThat(page.uri().getPath()).as("the meeting page").endsWith("/meeting");
        assertThat(page.status()).isEqualTo(200);
        Map<String, String> data = page.dataAttributes();
        beforeTimed.run();
        start = System.nanoTime();
        Browser.Page session = browser.post(
                publicUrl + data.get("session-url"), Map.of(data.get("csrf-header"), data.get("csrf-token")));
        server += System.nanoTime() - start;
        afterTimed.run();
        assertThat(session.status()).as("the guest token").isEqualTo(200);
        assertThat(session.header("Cache-Control")).hasValue("no-store");
        return new Admitted(JSON.readTree(session.body()), server);
    }
}
