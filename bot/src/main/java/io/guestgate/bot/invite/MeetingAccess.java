package io.guestgate.bot.invite;

import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.command.MeetingRef;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.meeting.MeetingResolver;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.bot.reply.Reply;
import io.guestgate.domain.meeting.Meeting;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Finds the meeting a change is about and lets only its organizer through. References are resolved among the
 * sender's own meetings; a meeting reached another way (a card in a group space) is checked again here.
 */
@Component
class MeetingAccess {

    private final MeetingResolver resolver;

    MeetingAccess(MeetingResolver resolver) {
        this.resolver = resolver;
    }

    /** {@code work} on the meeting {@code ref} names, or, without a reference, the sender's next upcoming meeting. */
    Flux<Reply> withMeeting(
            Conversation conversation,
            Language language,
            Optional<MeetingRef> ref,
            Function<Meeting, Flux<Reply>> work) {
        Mono<Meeting> meeting = ref.map(named -> resolver.resolve(conversation.personId(), named))
                .orElseGet(() -> resolver.upcoming(conversation.personId()).next());
        String missing = ref.map(named -> ChatTexts.text(language, "chat.not-found", named))
                .orElseGet(() -> ChatTexts.text(language, "chat.no-meeting"));
        return meeting.map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMapMany(found -> found.isEmpty()
                        ? Flux.just(Reply.text(missing))
                        : changeable(conversation, language, found.get(), work));
    }

    /** {@code work} if the sender organizes {@code meeting} and it is still on; otherwise the reason in words. */
    Flux<Reply> changeable(
            Conversation conversation, Language language, Meeting meeting, Function<Meeting, Flux<Reply>> work) {
        if (!meeting.isOwnedBy(conversation.personId())) {
            return Flux.just(Reply.text(ChatTexts.text(language, "chat.not-yours", Markdown.escape(meeting.title()))));
        }
        if (meeting.isCancelled()) {
            return Flux.just(Reply.text(ChatTexts.text(language, "chat.gone")));
        }
        return work.apply(meeting);
    }
}
