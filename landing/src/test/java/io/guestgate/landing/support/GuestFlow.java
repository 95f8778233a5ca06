package io.guestgate.landing.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

/** A guest's way from the personal link through the identity provider and back, one hop at a time. */
public final class GuestFlow {

    private GuestFlow() {}

    /**
     * @param authorizationRedirect the answer of {@code /oauth2/authorization/ichapp}: the redirect to the provider
     * @param callbackUrl           where the provider sent the browser back (code and state in the query)
     * @param admission             the answer of the admission step the callback led to
     * @param sessionBefore         the session cookie while the login was under way
     * @param sessionAfter          the session cookie after it (a new id: no session fixation)
     */
    public record Login(
            Browser.Page authorizationRedirect,
            String callbackUrl,
            Browser.Page admission,
            String sessionBefore,
            String sessionAfter) {}

    /** Opens the link, presses "Verify", signs in at the provider and returns to GuestGate's admission step. */
    public static Login verify(Browser browser, String appOrigin, String token) {
        return verify(browser, appOrigin, appOrigin, token);
    }

    /** Like {@link #verify(Browser, String, String)}, but the provider's answer arrives at {@code callbackOrigin}. */
    public static Login verify(Browser browser, String appOrigin, String callbackOrigin, String token) {
        Browser.Page authorization = startLogin(browser, appOrigin, token);
        Browser.Page provider = browser.get(authorization.location());
        assertThat(provider.status())
                .as("the provider answers at once (non-interactive login)")
                .isEqualTo(302);
        String callback = rebase(provider.location(), callbackOrigin);
        String sessionBefore = browser.cookies().get("SESSION");
        Browser.Page back = browser.get(callback);
        String sessionAfter = browser.cookies().get("SESSION");
        Browser.Page admission = back.isRedirect() ? browser.get(back.location()) : back;
        return new Login(authorization, callback, admission, sessionBefore, sessionAfter);
    }

    /** The link page, the verify button, and Spring Security's redirect to the provider. */
    public static Browser.Page startLogin(Browser browser, String appOrigin, String token) {
        Browser.Page join = browser.get(appOrigin + "/join/" + token);
        assertThat(join.status()).as("the link page").isEqualTo(200);
        Browser.Page verify = browser.postForm(appOrigin + "/join/" + token + "/verify", join.hiddenFields());
        assertThat(verify.status()).as("pressing verify").isEqualTo(303);
        assertThat(URI.create(verify.location()).getPath()).isEqualTo("/oauth2/authorization/ichapp");
        Browser.Page authorization = browser.get(verify.location());
        assertThat(authorization.status()).as("the redirect to the provider").isEqualTo(302);
        return authorization;
    }

    private static String rebase(String url, String origin) {
        URI uri = URI.create(url);
        return origin + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }
}
