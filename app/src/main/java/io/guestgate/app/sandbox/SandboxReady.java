package io.guestgate.app.sandbox;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import io.guestgate.guestlist.webex.WebexProperties;
import io.guestgate.webex.WebexClient;

/**
 * Once the application serves requests: registers the bot's webhooks at the emulator (so the emulator can deliver
 * to a listening application) and prints the sandbox's block of URLs. A failure here fails the start: a sandbox
 * whose bot hears nothing would only confuse.
 */
@Component
@Profile(SandboxRunListener.PROFILE)
class SandboxReady implements ApplicationListener<ApplicationReadyEvent> {

    private final SandboxWorld world;
    private final BotWebhooks webhooks;
    private final WebexProperties webex;

    SandboxReady(SandboxWorld world, WebexClient client, WebexProperties webex) {
        this.world = world;
        this.webhooks = new BotWebhooks(client);
        this.webex = webex;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        List<String> registered = webhooks.ensure(webex.bot(), world.publicBaseUrl() + "/webhooks/webex",
                webex.webhookSecret());
        Duration uptime = Duration.ofMillis(ManagementFactory.getRuntimeMXBean().getUptime());
        // For the person at the terminal, not for a log file: one block, unprefixed.
        System.out.print(SandboxBanner.render(world, registered, uptime));
        System.out.flush();
    }
}
