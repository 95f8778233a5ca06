package io.guestgate.bot;

import io.guestgate.bot.command.CommandParser;
import io.guestgate.domain.meeting.MeetingsProperties;
import java.time.Clock;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The bot: signed webhook intake, organizer commands, account linking, invitations. The runnable application
 * imports this next to {@code DomainConfiguration}, whose beans (stores, Webex client, clock) it uses.
 */
@Configuration(proxyBeanMethods = false)
// Application classes (@SpringBootConfiguration, e.g. a feature's test application) are entry points of their own:
// scanning one in would pull its whole setup into every context that imports the bot.
@ComponentScan(
        excludeFilters = {
            @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
            @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class)
        })
@ConfigurationPropertiesScan
public class BotConfiguration {

    /** Commands are read in the organizers' zone, against the application's clock. */
    @Bean
    CommandParser commandParser(Clock clock, MeetingsProperties meetings, BotProperties bot) {
        return new CommandParser(clock, meetings.timezone(), bot.defaultLanguage());
    }
}
