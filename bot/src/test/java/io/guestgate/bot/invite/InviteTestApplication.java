package io.guestgate.bot.invite;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

import io.guestgate.bot.BotConfiguration;
import io.guestgate.guestlist.GuestlistConfiguration;

/** The guest list and the whole bot, on Spring Boot's Redis and mail auto-configuration: as the application wires it. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({GuestlistConfiguration.class, BotConfiguration.class})
public class InviteTestApplication {
}
