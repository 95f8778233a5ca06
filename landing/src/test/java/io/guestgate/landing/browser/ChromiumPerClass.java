package io.guestgate.landing.browser;

import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link Chromium} for a test class, launched before its first test and closed after its last:
 * {@code @RegisterExtension static final ChromiumPerClass chromium = new ChromiumPerClass();}.
 */
final class ChromiumPerClass implements BeforeAllCallback, AfterAllCallback {

    private Chromium chromium;

    @Override
    public void beforeAll(ExtensionContext context) {
        chromium = Chromium.launch();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (chromium != null) {
            chromium.close();
        }
    }

    /** A new guest: own cookies and storage, the given browser language, the browser in Vienna's time zone. */
    GuestWindow open(Locale language) {
        return chromium.open(language);
    }

    /** A new guest whose browser is set to {@code timeZone}, with or without script. */
    GuestWindow open(Locale language, ZoneId timeZone, boolean script) {
        return chromium.open(language, timeZone, script);
    }
}
