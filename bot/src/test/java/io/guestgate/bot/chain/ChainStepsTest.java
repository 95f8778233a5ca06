package io.guestgate.bot.chain;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.bot.chain.Incoming.ChatMessage;
import io.guestgate.bot.chain.WebhookEvent.Kind;
import io.guestgate.bot.command.Conversation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/** The chain's steps one by one, each with a lambda as "next". */
class ChainStepsTest {

    private static final BotIdentity BOT = BotIdentity.of(new BotIdentity.Me("BOT", "GuestGate Bot"));

    private final List<Object> handedOn = new ArrayList<>();

    @Test
    void ignoresTheBotsOwnMessages() {
        IgnoreSelf step = new IgnoreSelf(BOT);

        step.apply(new WebhookEvent(Kind.MESSAGE, "M1", "R1", "BOT", "guestgate@webex.bot"), this::next)
                .block();
        assertThat(handedOn).isEmpty();

        step.apply(new WebhookEvent(Kind.MESSAGE, "M2", "R1", "OLIVIA", "olivia@example.com"), this::next)
                .block();
        assertThat(handedOn).hasSize(1);
    }

    @Test
    void stripsTheBotsMentionInGroupSpacesOnly() {
        StripMention step = new StripMention(BOT);

        step.apply(message(true, "GuestGate Bot create Q3 | tomorrow 10:00 | 45m"), this::next)
                .block();
        step.apply(message(true, "GuestGate help"), this::next).block();
        step.apply(message(false, "GuestGate Bot help"), this::next).block();
        step.apply(message(true, "GuestGateway help"), this::next).block();

        assertThat(handedOn)
                .extracting(incoming -> ((ChatMessage) incoming).text())
                .containsExactly("create Q3 | tomorrow 10:00 | 45m", "help", "GuestGate Bot help", "GuestGateway help");
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
        return new ChatMessage(
                new Conversation("OLIVIA", "olivia@example.com", "R1", group, Optional.empty()),
                "M1",
                text,
                List.of("BOT"));
    }
}
