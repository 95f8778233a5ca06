package io.guestgate.bot.connect;

import io.guestgate.domain.DomainConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The link endpoints on the guest list, nothing else of the bot. Deliberately not a {@code @Configuration}: the
 * bot's component scan covers this package in every bot test and must not pick it up.
 */
@EnableAutoConfiguration
@Import({DomainConfiguration.class, ConnectRoutes.class, ConnectHandler.class, ConnectPages.class})
class ConnectTestApplication {}
