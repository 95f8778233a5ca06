package io.guestgate.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import io.guestgate.app.admin.WebhooksCommand;
import io.guestgate.app.config.ProductionSettingsCheck;
import io.guestgate.bot.BotConfiguration;
import io.guestgate.guestlist.GuestlistConfiguration;
import io.guestgate.landing.LandingConfiguration;

/** GuestGate: the bot and the guest landing in one application. Profile {@code sandbox} adds the offline world. */
@SpringBootApplication
@Import({GuestlistConfiguration.class, BotConfiguration.class, LandingConfiguration.class})
public class GuestGateApplication {

    public static void main(String[] args) {
        if (WebhooksCommand.isInvokedBy(args)) {
            System.exit(WebhooksCommand.run(args, System.out, System.err));
        }
        application().run(args);
    }

    /**
     * The application as {@code main} runs it: production settings are checked before any bean is made. (Added here
     * rather than in spring.factories, so that other Spring applications in the same JVM, such as the sandbox's
     * emulator, are not checked.)
     */
    public static SpringApplication application() {
        SpringApplication application = new SpringApplication(GuestGateApplication.class);
        application.addInitializers(new ProductionSettingsCheck());
        return application;
    }
}
