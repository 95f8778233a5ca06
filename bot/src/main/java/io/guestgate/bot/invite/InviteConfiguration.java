package io.guestgate.bot.invite;

import io.guestgate.bot.invite.ics.IcsBuilder;
import io.guestgate.bot.invite.mail.InviteMailProperties;
import io.guestgate.bot.invite.mail.MailComposer;
import io.guestgate.platform.GuestgateProperties;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The invitation feature's rendering beans: the calendar builder and the mail composer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InviteMailProperties.class)
class InviteConfiguration {

    @Bean
    IcsBuilder icsBuilder(Clock clock, GuestgateProperties guestgate, InviteMailProperties mail) {
        String host = guestgate.publicBaseUrl().getHost();
        return new IcsBuilder(clock, host, mail.fromAddress(host), mail.reminder());
    }

    @Bean
    MailComposer mailComposer(IcsBuilder ics, GuestgateProperties guestgate, InviteMailProperties mail, Clock clock) {
        return new MailComposer(ics, mail.fromAddress(guestgate.publicBaseUrl().getHost()), mail.fromName(), clock);
    }
}
