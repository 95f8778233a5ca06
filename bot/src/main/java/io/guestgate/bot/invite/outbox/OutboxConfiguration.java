package io.guestgate.bot.invite.outbox;

import io.guestgate.bot.invite.mail.InviteMailProperties;
import io.guestgate.bot.invite.mail.MailComposer;
import io.guestgate.domain.invitation.InvitationStore;
import io.guestgate.domain.meeting.MeetingStore;
import io.guestgate.platform.GuestgateProperties;
import io.guestgate.platform.metrics.GuestgateMetrics;
import io.guestgate.platform.redis.RedisKeys;
import io.guestgate.platform.redis.StreamGroup;
import io.guestgate.platform.webex.OrganizerNotifier;
import java.time.Clock;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The outbox's beans. The worker sends only where Spring Boot configured a mail sender ({@code spring.mail.host});
 * elsewhere mail stays queued for instances that can send it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
class OutboxConfiguration {

    /**
     * Jakarta Mail waits forever on a relay that stops answering. A send stuck that long would outlive the claim idle
     * time and be sent a second time by another instance, so every mail sender gets finite timeouts unless
     * {@code spring.mail.properties.mail.smtp.*timeout} sets its own. And its plain SMTP connections (STARTTLS
     * included) send without Nagle's delay ({@link NoDelaySockets}), unless a socket factory of its own is set.
     */
    @Bean
    static BeanPostProcessor mailTransportDefaults() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof JavaMailSenderImpl sender) {
                    Properties properties = sender.getJavaMailProperties();
                    properties.putIfAbsent("mail.smtp.connectiontimeout", "10000");
                    properties.putIfAbsent("mail.smtp.timeout", "30000");
                    properties.putIfAbsent("mail.smtp.writetimeout", "30000");
                    if (!properties.containsKey("mail.smtp.socketFactory.class")) {
                        properties.putIfAbsent("mail.smtp.socketFactory", new NoDelaySockets());
                    }
                }
                return bean;
            }
        };
    }

    @Bean
    OutboxStream outboxStream(ReactiveStringRedisTemplate redis, RedisKeys keys, OutboxProperties properties) {
        return new OutboxStream(redis, new OutboxKeys(keys), properties);
    }

    @Bean
    Outbox outbox(OutboxStream stream, Clock clock) {
        return new Outbox(stream, clock);
    }

    @Bean
    OutboxWorker outboxWorker(
            OutboxStream stream,
            InvitationStore invitations,
            MeetingStore meetings,
            MailComposer composer,
            ObjectProvider<JavaMailSender> senders,
            GuestgateProperties guestgate,
            OrganizerNotifier notifier,
            GuestgateMetrics metrics,
            OutboxProperties properties,
            InviteMailProperties mail,
            Clock clock) {
        JavaMailSender sender = senders.getIfAvailable();
        // Spring Boot's sender opens a connection per mail; the outbox keeps them open between mails instead.
        SmtpConnections connections =
                sender instanceof JavaMailSenderImpl impl ? new SmtpConnections(impl, properties.concurrency()) : null;
        InvitationDelivery delivery = new InvitationDelivery(
                invitations,
                meetings,
                composer,
                sender,
                connections != null ? connections::send : message -> sender.send(message),
                guestgate,
                mail.unverifiedReminder(),
                clock);
        String consumer = StreamGroup.instanceName(properties.consumerName());
        EntryProcessor entries =
                new EntryProcessor(stream, delivery, new BatchReports(stream, notifier), metrics, properties, clock);
        return new OutboxWorker(stream, entries, properties, clock, consumer, sender != null, connections);
    }
}
