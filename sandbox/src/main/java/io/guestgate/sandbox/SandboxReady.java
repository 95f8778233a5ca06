package io.guestgate.sandbox;

import io.guestgate.platform.webex.WebhookRegistrar;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Once the application serves requests: registers the bot's webhooks at the emulator (so the emulator delivers to a
 * listening application) and prints the sandbox's block of URLs. A failure here fails the start: a sandbox whose bot
 * hears nothing would only confuse.
 */
@Component
@Profile(SandboxRunListener.PROFILE)
class SandboxReady implements ApplicationListener<ApplicationReadyEvent> {

    private static final Duration REGISTRATION_TIMEOUT = Duration.ofSeconds(30);

    private final SandboxWorld world;
    private final WebhookRegistrar webhooks;

    SandboxReady(SandboxWorld world, WebhookRegistrar webhooks) {
        this.world = world;
        this.webhooks = webhooks;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        List<String> registered = webhooks.register().block(REGISTRATION_TIMEOUT).stream()
                .map(action -> action.verb().name().toLowerCase(Locale.ROOT) + " " + action.name())
                .toList();
        Duration uptime = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
        // For the person at the terminal, not for a log file: one block, unprefixed.
        System.out.print(SandboxBanner.render(world, registered, uptime));
        System.out.flush();
    }
}
