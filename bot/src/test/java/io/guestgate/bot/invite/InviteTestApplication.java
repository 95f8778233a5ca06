package io.guestgate.bot.invite;

import io.guestgate.bot.BotConfiguration;
import io.guestgate.domain.DomainConfiguration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The guest list and the whole bot, on Spring Boot's Redis and mail auto-configuration: as the application wires it. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({DomainConfiguration.class, BotConfiguration.class})
public class InviteTestApplication {}
