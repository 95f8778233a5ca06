package io.guestgate.landing.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Debian's Chromium, driven by Playwright for Java: one browser per test class, a fresh context per guest. Playwright
 * brings only its driver (from its Maven jar); it must never download a browser of its own.
 *
 * <p>Both preconditions fail the test with a message saying what to do, rather than skipping it: a browser test that
 * silently does not run proves nothing.
 */
final class Chromium implements AutoCloseable {

    /** Where the Debian package {@code chromium} installs the browser; {@code -Dguestgate.chromium=…} names another. */
    static final Path EXECUTABLE = Path.of(System.getProperty("guestgate.chromium", "/usr/bin/chromium"));

    /** Headless in a container: no sandbox (no user namespaces), no GPU, and nothing that phones home on its own. */
    private static final List<String> ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run");

    /** The meeting page's script, as the widget module's build leaves it in its jar. */
    static final String MEETING_SCRIPT = "static/meeting/meeting.js";

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static Chromium launch() {
        requireMeetingPage();
        requireChromium();
        // The meeting page loads a 5 MB widget chunk: on a busy machine that takes longer than the default 5 s.
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        long started = System.nanoTime();
        // Also set by the root pom for surefire; repeated here so a run from an IDE never downloads browsers either.
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            // launch() gives the browser a fresh, temporary user-data directory of its own and deletes it on close.
            Browser browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(EXECUTABLE)
                            .setHeadless(true)
                            .setArgs(ARGS));
            System.out.printf(
                    "browser: Playwright driver and Chromium %s started in %d ms%n",
                    browser.version(), (System.nanoTime() - started) / 1_000_000);
            return new Chromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A new guest: own cookies and storage, the given browser language. */
    GuestWindow open(Locale language) {
        return GuestWindow.open(browser, language);
    }

    /** A new guest whose browser is set to {@code timeZone}, with or without script. */
    GuestWindow open(Locale language, ZoneId timeZone, boolean script) {
        return GuestWindow.open(browser, language, timeZone, script);
    }

    String version() {
        return browser.version();
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }

    private static void requireChromium() {
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new AssertionError("Chromium is not installed at " + EXECUTABLE + ". The browser tests need Debian's "
                    + "Chromium: apt-get install chromium (scripts/test does this), or name another with "
                    + "-Dguestgate.chromium=/path/to/chromium.");
        }
    }

    private static void requireMeetingPage() {
        if (Chromium.class.getClassLoader().getResource(MEETING_SCRIPT) == null) {
            throw new AssertionError("The meeting page is not on the classpath (" + MEETING_SCRIPT + "): the widget "
                    + "jar was built with -Dwidget.skip=true or cleaned. Build it first without that switch: "
                    + "./mvnw -q -B -ntp -pl widget install");
        }
    }
}
