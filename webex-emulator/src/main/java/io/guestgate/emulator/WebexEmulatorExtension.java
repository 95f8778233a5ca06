package io.guestgate.emulator;

import io.guestgate.emulator.config.EmulatorSeed;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One emulator per test class.
 *
 * <pre>{@code
 * @RegisterExtension
 * static WebexEmulatorExtension webex = WebexEmulatorExtension.withDefaults();
 *
 * @Test void linksAccount(WebexEmulator emulator) { ... webex.get().apiBaseUrl() ... }
 * }</pre>
 *
 * Or {@code @ExtendWith(WebexEmulatorExtension.class)} and a {@link WebexEmulator} parameter, with the default seed.
 */
public final class WebexEmulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

    private final Consumer<WebexEmulator.Builder> options;
    private WebexEmulator emulator;

    public WebexEmulatorExtension() {
        this(b -> {});
    }

    private WebexEmulatorExtension(Consumer<WebexEmulator.Builder> options) {
        this.options = options;
    }

    public static WebexEmulatorExtension withDefaults() {
        return new WebexEmulatorExtension();
    }

    public static WebexEmulatorExtension withSeed(EmulatorSeed seed) {
        return new WebexEmulatorExtension(b -> b.seed(seed));
    }

    /** Full control, e.g. {@code configure(b -> b.seed(seed).property("emulator.webhooks.max-attempts", "1"))}. */
    public static WebexEmulatorExtension configure(Consumer<WebexEmulator.Builder> options) {
        return new WebexEmulatorExtension(options);
    }

    /** The running emulator; available from {@code @BeforeAll} on. */
    public WebexEmulator get() {
        if (emulator == null) {
            throw new IllegalStateException(
                    "The emulator starts before all tests of the class; it is not running yet.");
        }
        return emulator;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        WebexEmulator.Builder builder = WebexEmulator.builder();
        options.accept(builder);
        emulator = builder.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WebexEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return get();
    }
}
