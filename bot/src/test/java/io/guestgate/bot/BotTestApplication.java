package io.guestgate.bot;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

import io.guestgate.guestlist.GuestlistConfiguration;

/** The bot as the application runs it: the guest list plus everything {@link BotConfiguration} scans. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({GuestlistConfiguration.class, BotConfiguration.class})
public class BotTestApplication {
}
