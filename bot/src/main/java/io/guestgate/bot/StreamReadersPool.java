package io.guestgate.bot;

import io.guestgate.bot.invite.outbox.OutboxProperties;
import io.guestgate.platform.settings.Violation;
import io.guestgate.platform.settings.Violations;
import java.util.List;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Sizes Lettuce's connection pool for the bot's blocking stream reads, unless {@code spring.data.redis.lettuce.pool}
 * is configured. Every event reader and every mail reader holds a pooled connection for up to a second per read;
 * with Boot's default of 8 connections, 8 event readers and 4 mail readers would wait for each other and fail. The
 * pool gets one connection per reader plus {@value #HEADROOM} for everything else, as a default that any setting
 * overrides.
 */
public class StreamReadersPool implements EnvironmentPostProcessor {

    static final int HEADROOM = 16;
    private static final String MAX_ACTIVE = "spring.data.redis.lettuce.pool.max-active";
    private static final String MAX_IDLE = "spring.data.redis.lettuce.pool.max-idle";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Binder binder = Binder.get(environment);
        if (binder.bind(MAX_ACTIVE, Integer.class).isBound()) {
            return;
        }
        int size;
        try {
            size = readers(binder) + HEADROOM;
        } catch (RuntimeException invalid) {
            // Reported with its property name when the application binds its settings.
            return;
        }
        DefaultPropertiesPropertySource.addOrMerge(
                Map.of(MAX_ACTIVE, size, MAX_IDLE, size), environment.getPropertySources());
    }

    /** How many blocking stream reads an instance runs at once: its event readers and its mail readers. */
    public static int readers(Binder binder) {
        return readers(
                binder.bindOrCreate("guestgate.bot.intake", BotProperties.Intake.class),
                binder.bindOrCreate("guestgate.outbox", OutboxProperties.class));
    }

    public static int readers(BotProperties.Intake intake, OutboxProperties outbox) {
        return intake.concurrency() + outbox.concurrency();
    }

    /**
     * A configured pool ({@code max-active}; negative: unlimited) must leave connections over once every reader holds
     * one.
     */
    public static List<Violation> violations(int maxActive, BotProperties.Intake intake, OutboxProperties outbox) {
        int readers = readers(intake, outbox);
        return new Violations()
                .require(
                        maxActive < 0 || maxActive > readers,
                        MAX_ACTIVE,
                        "is " + maxActive
                                + ", but guestgate.bot.intake.concurrency + guestgate.outbox.concurrency = " + readers
                                + " stream "
                                + "readers each hold a connection; set it above that (or leave it unset to have it sized for them)")
                .list();
    }
}
