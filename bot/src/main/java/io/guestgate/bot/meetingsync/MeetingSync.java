package io.guestgate.bot.meetingsync;

import io.guestgate.bot.BotProperties;
import io.guestgate.bot.i18n.BotMessages;
import io.guestgate.bot.i18n.Language;
import io.guestgate.bot.i18n.TimeTexts;
import io.guestgate.bot.invite.MeetingCancellation;
import io.guestgate.bot.invite.MeetingChangeLock;
import io.guestgate.bot.invite.MeetingUpdate;
import io.guestgate.bot.lobby.HostToken;
import io.guestgate.bot.meeting.WebexMeetingCheck;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.domain.meeting.Meeting;
import io.guestgate.domain.meeting.MeetingStore;
import io.guestgate.platform.metrics.GuestgateMetrics;
import io.guestgate.platform.webex.OrganizerNotifier;
import io.guestgate.webex.WebexApiException;
import io.guestgate.webex.WebexClient;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Follows what an organizer does to a GuestGate meeting in Webex itself (the Webex app, the site, Outlook): moved or
 * renamed there, every guest gets the update; deleted there, every guest gets the cancellation and their links stop
 * working; as if the organizer had used the bot. The organizer's {@code meetings} webhooks say that something
 * changed; what changed is read from Webex with the host's token, since a webhook's payload is not trusted beyond its
 * ids. A change GuestGate made itself finds its copy already matching and does nothing.
 */
@Component
public class MeetingSync implements WebexMeetingCheck {

    private static final Logger log = LoggerFactory.getLogger(MeetingSync.class);

    private final MeetingStore meetings;
    private final WebexClient webex;
    private final HostToken hostToken;
    private final MeetingChangeLock lock;
    private final MeetingUpdate update;
    private final MeetingCancellation cancellation;
    private final OrganizerNotifier notifier;
    private final BotMessages messages;
    private final TimeTexts times;
    private final GuestgateMetrics metrics;
    private final Language language;

    MeetingSync(
            MeetingStore meetings,
            WebexClient webex,
            HostToken hostToken,
            MeetingChangeLock lock,
            MeetingUpdate update,
            MeetingCancellation cancellation,
            OrganizerNotifier notifier,
            BotMessages messages,
            TimeTexts times,
            GuestgateMetrics metrics,
            BotProperties properties) {
        this.meetings = meetings;
        this.webex = webex;
        this.hostToken = hostToken;
        this.lock = lock;
        this.update = update;
        this.cancellation = cancellation;
        this.notifier = notifier;
        this.messages = messages;
        this.times = times;
        this.metrics = metrics;
        this.language = properties.defaultLanguage();
    }

    /** {@code show} asks: the same as a webhook about this meeting. */
    @Override
    public Mono<Void> compare(Meeting meeting) {
        return changed(meeting.webex().id());
    }

    /** A {@code meetings} webhook named this Webex meeting; nothing happens for a meeting GuestGate does not keep. */
    public Mono<Void> changed(String webexMeetingId) {
        return meetings.findByWebexId(webexMeetingId)
                .filter(meeting -> !meeting.isCancelled())
                .flatMap(found -> lock.holding(
                        found.id(),
                        () -> meetings.findById(found.id())
                                .filter(meeting -> !meeting.isCancelled())
                                .flatMap(this::follow)))
                .doOnNext(metrics::webexMeetingChange)
                .onErrorResume(HostToken.RelinkNeeded.class, e -> {
                    log.info(
                            "Meeting {} changed in Webex, but its organizer's link is gone: not followed",
                            webexMeetingId);
                    metrics.webexMeetingChange("not-followed");
                    return Mono.empty();
                })
                .onErrorResume(WebexApiException.class, e -> {
                    log.warn(
                            "Could not read meeting {} from Webex after its webhook: {} {} trackingId={}",
                            webexMeetingId,
                            e.kind(),
                            e.status(),
                            e.trackingId());
                    metrics.webexMeetingChange("not-followed");
                    return Mono.empty();
                })
                .then();
    }

    /** What became of it: {@code changed}, {@code deleted} or {@code unchanged}. */
    private Mono<String> follow(Meeting stored) {
        return hostToken
                .call(
                        stored,
                        token -> webex.meetings()
                                .get(token, stored.webex().id())
                                .map(Optional::of)
                                .onErrorResume(
                                        WebexApiException.class,
                                        e -> e.isNotFound() ? Mono.just(Optional.empty()) : Mono.error(e)))
                .flatMap(atWebex -> atWebex.isEmpty() ? deleted(stored) : changed(stored, atWebex.get()));
    }

    private Mono<String> changed(Meeting stored, io.guestgate.webex.meetings.Meeting atWebex) {
        if (atWebex.title() == null || atWebex.start() == null || atWebex.end() == null) {
            return Mono.just("unchanged");
        }
        Meeting now = stored.rescheduled(
                atWebex.title(), atWebex.start().toInstant(), atWebex.end().toInstant());
        if (now.title().equals(stored.title())
                && now.start().equals(stored.start())
                && now.end().equals(stored.end())) {
            return Mono.just("unchanged");
        }
        log.info("Meeting {} was changed in Webex; following it (sequence {})", stored.id(), now.sequence());
        return update.follow(now, language)
                .flatMap(guests -> tell(
                        stored,
                        messages.text(
                                language,
                                "sync.changed",
                                Markdown.escape(stored.title()),
                                Markdown.escape(now.title()),
                                times.range(language, now),
                                guests)))
                .thenReturn("changed");
    }

    private Mono<String> deleted(Meeting stored) {
        log.info("Meeting {} was deleted in Webex; cancelling it for its guests", stored.id());
        return cancellation
                .close(stored, language)
                .flatMap(guests ->
                        tell(stored, messages.text(language, "sync.deleted", Markdown.escape(stored.title()), guests)))
                .thenReturn("deleted");
    }

    private Mono<Void> tell(Meeting meeting, String text) {
        return notifier.tellQuietly(meeting.organizer().personId(), text);
    }
}
