package io.guestgate.bot.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.guestgate.bot.BotProperties;
import io.guestgate.bot.chain.Incoming.ChatMessage;
import io.guestgate.bot.chain.WebhookEvent.Kind;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.i18n.Language;
import reactor.core.publisher.Mono;

/** The chain's steps one by one, each with a lambda as "next". */
class ChainStepsTest {

    private static final BotIdentity BOT = BotIdentity.of(new BotIdentity.Me("BOT", "GuestGate Bot"));

    private final List<Object> handedOn = new ArrayList<>();

    @Test
    void ignoresTheBotsOwnMessages() {
        IgnoreSelf step = new IgnoreSelf(BOT);

        step.apply(new WebhookEvent(Kind.MESSAGE, "M1", "R1", "BOT", "guestgate@webex.bot"), this::next).block();
        assertThat(handedOn).isEmpty();

        step.apply(new WebhookEvent(Kind.MESSAGE, "M2", "R1", "OLIVIA", "olivia@example.com"), this::next).block();
        assertThat(handedOn).hasSize(1);
    }

    @Test
    void letsOnlyAllowedDomainsThrough() {
        AllowedSender step = new AllowedSender(properties(List.of("example.com")), null);

        for (String email : List.of("olivia@example.com", "Olivia@EU.Example.com", "mallory@notexample.com",
                "mallory@example.com.evil.org", "")) {
            step.apply(new WebhookEvent(Kind.MESSAGE, "M1", "R1", "", email), this::next).block();
        }

        assertThat(handedOn).extracting(event -> ((WebhookEvent) event).personEmail())
                .containsExactly("olivia@example.com", "Olivia@EU.Example.com");
    }

    @Test
    void letsEveryoneThroughWhenNoDomainIsConfigured() {
        AllowedSender step = new AllowedSender(properties(List.of()), null);

        step.apply(new WebhookEvent(Kind.CARD_ACTION, "A1", "R1", "P1", ""), this::next).block();

        assertThat(handedOn).hasSize(1);
    }

    @Test
    void stripsTheBotsMentionInGroupSpacesOnly() {
        StripMention step = new StripMention(BOT);

        step.apply(message(true, "GuestGate Bot create Q3 | tomorrow 10:00 | 45m"), this::next).block();
        step.apply(message(true, "GuestGate help"), this::next).block();
        step.apply(message(false, "GuestGate Bot help"), this::next).block();
        step.apply(message(true, "GuestGateway help"), this::next).block();

        assertThat(handedOn).extracting(incoming -> ((ChatMessage) incoming).text())
                .containsExactly("create Q3 | tomorrow 10:00 | 45m", "help", "GuestGate Bot help",
                        "GuestGateway help");
    }

    @Test
    void stripsMentionsWrittenWithAnAtSign() {
        assertThat(StripMention.strip("@GuestGate list", "GuestGate")).isEqualTo("list");
        assertThat(StripMention.strip("  GUESTGATE   liste ", "GuestGate")).isEqualTo("liste");
        assertThat(StripMention.strip("list", "")).isEqualTo("list");
    }

    private Mono<Void> next(Object output) {
        handedOn.add(output);
        return Mono.empty();
    }

    private static ChatMessage message(boolean group, String text) {
        return new ChatMessage(new Conversation("OLIVIA", "olivia@example.com", "R1", group, Optional.empty()), "M1",
                text, List.of("BOT"));
    }

    private static BotProperties properties(List<String> domains) {
        return new BotProperties(domains, Language.EN, new BotProperties.Intake(java.time.Duration.ofHours(1), 2, 4, java.time.Duration.ofSeconds(10),
                java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(20), null));
    }
}
