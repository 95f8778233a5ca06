package io.guestgate.app.config;

import io.guestgate.bot.BotProperties;
import io.guestgate.bot.StreamReadersPool;
import io.guestgate.bot.invite.mail.InviteMailProperties;
import io.guestgate.bot.invite.outbox.OutboxProperties;
import io.guestgate.domain.account.AllowedOrganizers;
import io.guestgate.landing.IdentityProperties;
import io.guestgate.platform.GuestgateProperties;
import io.guestgate.platform.webex.WebexProperties;
import java.util.List;
import java.util.Optional;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks production settings before any bean is made, and reports every problem at once, each naming its property;
 * settings that are valid but risky are logged at every start. No property or profile turns the check off; only the
 * sandbox's own main, which brings its own settings, starts the application without it.
 */
public class ProductionSettingsCheck implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Log log = LogFactory.getLog(ProductionSettingsCheck.class);

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        risks(environment).forEach(risk -> log.warn("Risky setting: " + risk));
    }

    /** Settings that are valid but that a security review should see; logged at every start. */
    static List<String> risks(ConfigurableEnvironment env) {
        return new BoundSettings(Binder.get(env))
                .record(AllowedOrganizers.class)
                .map(AllowedOrganizers::risks)
                .orElse(List.of());
    }

    /** Every record's own rules, then the rules production adds, which the bound records hold as well. */
    static List<String> problems(ConfigurableEnvironment env) {
        BoundSettings settings = new BoundSettings(Binder.get(env));
        SettingsRecords.ALL.forEach(settings::record);
        settings.record(GuestgateProperties.class)
                .map(GuestgateProperties::productionViolations)
                .ifPresent(settings::report);
        settings.record(WebexProperties.class)
                .map(WebexProperties::productionViolations)
                .ifPresent(settings::report);
        settings.record(IdentityProperties.class)
                .flatMap(identity -> settings.spring("spring.security.oauth2.client", OAuth2ClientProperties.class)
                        .map(identity::productionViolations))
                .ifPresent(settings::report);
        settings.spring("spring.mail", MailProperties.class)
                .map(InviteMailProperties::productionViolations)
                .ifPresent(settings::report);
        connectionPool(settings);
        return settings.problems();
    }

    /** A connection pool that is configured must have room for the bot's stream readers. */
    private static void connectionPool(BoundSettings settings) {
        Optional<DataRedisProperties.Pool> pool =
                settings.springIfSet("spring.data.redis.lettuce.pool", DataRedisProperties.Pool.class);
        Optional<BotProperties> bot = settings.record(BotProperties.class);
        Optional<OutboxProperties> outbox = settings.record(OutboxProperties.class);
        if (pool.isPresent() && bot.isPresent() && outbox.isPresent()) {
            settings.report(StreamReadersPool.violations(
                    pool.get().getMaxActive(), bot.get().intake(), outbox.get()));
        }
    }
}
