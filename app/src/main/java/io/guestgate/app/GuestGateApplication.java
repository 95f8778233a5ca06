package io.guestgate.app;

import io.guestgate.app.admin.WebhooksCommand;
import io.guestgate.app.config.ProductionSettingsCheck;
import io.guestgate.bot.BotConfiguration;
import io.guestgate.domain.DomainConfiguration;
import io.guestgate.landing.LandingConfiguration;
import java.util.stream.Stream;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/** GuestGate: the bot and the guest landing in one application. The offline sandbox is a module of its own. */
@SpringBootApplication
@Import({DomainConfiguration.class, BotConfiguration.class, LandingConfiguration.class})
public class GuestGateApplication {

    public static void main(String[] args) {
        if (WebhooksCommand.isInvokedBy(args)) {
            System.exit(WebhooksCommand.run(args, System.out, System.err));
        }
        application().run(args);
    }

    /**
     * The application as {@code main} runs it: production settings are checked before any bean is made, and no
     * property or profile turns that off. (Added here rather than in spring.factories, so that other Spring
     * applications in the same JVM, such as the sandbox's emulator, are not checked.)
     */
    public static SpringApplication application() {
        SpringApplication application = withoutSettingsCheck();
        application.addInitializers(new ProductionSettingsCheck());
        return application;
    }

    /**
     * The application with more sources and without the production settings check, for a main that brings every
     * setting itself: the sandbox's ({@code io.guestgate.sandbox.SandboxApplication}), whose world generates them.
     * Code has to ask for this; nothing in the environment can.
     */
    public static SpringApplication withoutSettingsCheck(Class<?>... moreSources) {
        Class<?>[] sources = Stream.concat(Stream.of(GuestGateApplication.class), Stream.of(moreSources))
                .toArray(Class<?>[]::new);
        return new SpringApplication(sources);
    }
}
