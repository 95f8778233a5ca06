package io.guestgate.landing.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One guest at one browser window: a fresh context (own cookies and storage) with one page, and what the page did
 * that a test wants to look at afterwards. Every request that leaves this machine is recorded and cut off at once:
 * Webex is unreachable here anyway, and a real guest token must never go out from a test.
 */
final class GuestWindow implements AutoCloseable {

    /** Long enough for the widget's 5 MB chunk on a busy machine; waits end as soon as their condition holds. */
    private static final double TIMEOUT_MS = 20_000;

    private static final Pattern LINK_TOKEN = Pattern.compile("/join/[^/\\s?#\"']+");
    private static final Pattern NETWORK_URL = Pattern.compile("(?:https?|wss?)://([^/:?#]+)");

    /** The browser's time zone: where most guests are. */
    static final ZoneId TIME_ZONE = ZoneId.of("Europe/Vienna");

    private final BrowserContext context;
    private final Page page;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> blockedHosts = new CopyOnWriteArrayList<>();
    private final List<String> console = new CopyOnWriteArrayList<>();

    private GuestWindow(BrowserContext context) {
        this.context = context;
        this.page = context.newPage();
        context.setDefaultTimeout(TIMEOUT_MS);
        context.route(GuestWindow::leavesTheMachine, route -> {
            blockedHosts.add(hostOf(route.request().url()));
            route.abort("internetdisconnected");
        });
        page.onRequest(request -> requests.add(request.url()));
        page.onConsoleMessage(message -> console.add(message.type() + ": " + message.text()));
        page.onPageError(error -> console.add("pageerror: " + error));
    }

    static GuestWindow open(Browser browser, Locale language) {
        return open(browser, language, TIME_ZONE, true);
    }

    /** A guest in another time zone, or with script turned off. */
    static GuestWindow open(Browser browser, Locale language, ZoneId timeZone, boolean script) {
        return new GuestWindow(browser.newContext(new Browser.NewContextOptions()
                .setLocale(language.toLanguageTag())
                .setTimezoneId(timeZone.getId())
                .setJavaScriptEnabled(script)
                .setViewportSize(1280, 900)));
    }

    Page page() {
        return page;
    }

    BrowserContext context() {
        return context;
    }

    /** Every URL the page requested, in order, including the ones that were cut off. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    /** Hosts off this machine the page tried to reach. */
    List<String> blockedHosts() {
        return List.copyOf(blockedHosts);
    }

    /** Console messages and uncaught errors, as {@code type: text}. */
    List<String> console() {
        return List.copyOf(console);
    }

    /** What Chromium reported as Content Security Policy violations. */
    List<String> cspViolations() {
        return console.stream()
                .filter(line -> line.contains("Content Security Policy"))
                .toList();
    }

    /** A full-page screenshot under {@code target/browser/}, to look at after the run. */
    Path screenshot(String name) {
        Path file = Path.of("target", "browser", name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /**
     * Prints what the page reported (for the run's output), with the given secrets and every link token cut out.
     */
    void report(Chromium chromium, String... secrets) {
        System.out.println("browser: Chromium " + chromium.version() + "; cut-off hosts "
                + blockedHosts.stream().distinct().toList() + "; console: " + console.size() + " line(s)");
        for (String line : console) {
            String shown = LINK_TOKEN.matcher(line).replaceAll("/join/{token}");
            for (String secret : secrets) {
                shown = shown.replace(secret, "{secret}");
            }
            System.out.println("  console " + (shown.length() <= 300 ? shown : shown.substring(0, 300) + " …"));
        }
    }

    @Override
    public void close() {
        try {
            context.close();
        } catch (PlaywrightException alreadyClosed) {
            // Chromium closed it on its own (seen once, after every assertion of a test had passed, with the widget's
            // page open): nothing is left to close, and the test has said what it had to.
            System.out.println("browser: the guest's window was closed already: "
                    + alreadyClosed.getClass().getSimpleName());
        }
    }

    private static boolean leavesTheMachine(String url) {
        String host = hostOf(url);
        return !host.isEmpty() && !host.equals("localhost") && !host.equals("127.0.0.1");
    }

    /** The host of an http(s) or ws(s) URL; empty for data:, blob: and the like, which stay in the browser. */
    private static String hostOf(String url) {
        Matcher matcher = NETWORK_URL.matcher(url);
        return matcher.lookingAt() ? matcher.group(1).toLowerCase(Locale.ROOT) : "";
    }
}
