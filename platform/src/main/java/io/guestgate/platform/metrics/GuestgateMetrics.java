package io.guestgate.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The product's own metrics, named once here so that dashboards can rely on them. Tags carry outcomes and reasons,
 * never people, tokens or ids.
 */
@Component
public class GuestgateMetrics {

    private static final List<String> SERVICE_APP_REFRESH_OUTCOMES = List.of("ok", "rejected", "failed");

    private final MeterRegistry registry;

    @Autowired
    GuestgateMetrics(ObjectProvider<MeterRegistry> registry) {
        // Without an actuator (module tests) the global composite takes the counts and keeps nothing.
        this(registry.getIfAvailable(() -> Metrics.globalRegistry));
    }

    public GuestgateMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Series that alerts watch exist from the start at zero, so "no failures yet" reads as 0, not as no data.
        registry.counter("guestgate.webhooks.received");
        registry.counter("guestgate.bot.senders.refused");
        for (String reason : new String[] {"signature", "malformed", "too-large", "unavailable"}) {
            registry.counter("guestgate.webhooks.rejected", "reason", reason);
        }
        for (String kind : new String[] {"request", "cancel"}) {
            registry.counter("guestgate.invitations.sent", "kind", kind);
            registry.counter("guestgate.invitations.failed", "kind", kind, "final", "false");
            registry.counter("guestgate.invitations.failed", "kind", kind, "final", "true");
        }
        for (String outcome :
                new String[] {"admitted", "kept-out", "admitted-anyway", "refused-duplicate", "refused-withdrawn"}) {
            registry.counter("guestgate.lobby.decisions", "outcome", outcome);
        }
        for (String reason : new String[] {"link-gone", "missing-scopes"}) {
            registry.counter("guestgate.lobby.unkept", "reason", reason);
        }
        for (String outcome : new String[] {"changed", "deleted", "unchanged", "not-followed"}) {
            registry.counter("guestgate.meetings.webex-changes", "outcome", outcome);
        }
        for (String outcome : SERVICE_APP_REFRESH_OUTCOMES) {
            registry.counter("guestgate.serviceapp.token.refreshes", "outcome", outcome);
        }
    }

    /**
     * The Service App's access and refresh token's remaining life as this instance last saw them (zero when not
     * known): {@code guestgate_serviceapp_token_remaining_seconds} is what an alert watches. Registered once, by the
     * part that keeps the token valid.
     */
    public void serviceAppTokenLife(Supplier<Duration> accessRemaining, Supplier<Duration> refreshRemaining) {
        TimeGauge.builder(
                        "guestgate.serviceapp.token.remaining",
                        () -> accessRemaining.get().toMillis(),
                        TimeUnit.MILLISECONDS)
                .description("Remaining life of the Service App's access token; guests get no token once it is 0")
                .register(registry);
        TimeGauge.builder(
                        "guestgate.serviceapp.refresh.token.remaining",
                        () -> refreshRemaining.get().toMillis(),
                        TimeUnit.MILLISECONDS)
                .description("Remaining life of the Service App's refresh token")
                .register(registry);
    }

    /** A refresh of the Service App's token: {@code ok}, {@code rejected} (needs a new authorization) or {@code failed}. */
    public void serviceAppTokenRefresh(String outcome) {
        registry.counter(
                        "guestgate.serviceapp.token.refreshes",
                        "outcome",
                        SERVICE_APP_REFRESH_OUTCOMES.contains(outcome) ? outcome : "failed")
                .increment();
    }

    /** Someone outside the allowed organizations and domains wrote to the bot, and was turned away. */
    public void senderRefused() {
        registry.counter("guestgate.bot.senders.refused").increment();
    }

    /** The door decided about a lobby participant: {@code admitted}, {@code kept-out}, {@code admitted-anyway}, … */
    public void lobbyDecision(String outcome) {
        registry.counter("guestgate.lobby.decisions", "outcome", safe(outcome)).increment();
    }

    /**
     * The door gave up keeping a meeting's lobby because of the host's link: {@code link-gone} (revoked, ended) or
     * {@code missing-scopes}. Counted once per meeting.
     */
    public void lobbyUnkept(String reason) {
        registry.counter("guestgate.lobby.unkept", "reason", safe(reason)).increment();
    }

    /**
     * A {@code meetings} webhook about one of GuestGate's meetings was handled: {@code changed} or {@code deleted} in
     * Webex (guests were told), {@code unchanged} (GuestGate's own change, or a change of nothing guests see), or
     * {@code not-followed} (the organizer's link is gone, or Webex could not be asked).
     */
    public void webexMeetingChange(String outcome) {
        registry.counter("guestgate.meetings.webex-changes", "outcome", safe(outcome))
                .increment();
    }

    /** How long a verified guest waited, from being seen in the lobby to being admitted by GuestGate. */
    public void lobbyWait(Duration waited) {
        Timer.builder("guestgate.lobby.wait")
                .description("From lobby entry (as GuestGate saw it) to admission")
                .publishPercentileHistogram()
                .register(registry)
                .record(waited.isNegative() ? Duration.ZERO : waited);
    }

    /** A webhook delivery arrived (whatever became of it). */
    public void webhookReceived() {
        registry.counter("guestgate.webhooks.received").increment();
    }

    /** A webhook turned away: {@code signature}, {@code too-large}, {@code duplicate}, {@code unavailable}, … */
    public void webhookRejected(String reason) {
        registry.counter("guestgate.webhooks.rejected", "reason", safe(reason)).increment();
    }

    /** A chat command handled: {@code outcome} is e.g. {@code ok}, {@code invalid}, {@code not-linked}, {@code failed}. */
    public void command(String name, String outcome) {
        registry.counter("guestgate.commands", "command", safe(name), "outcome", safe(outcome))
                .increment();
    }

    /** An invitation mail the SMTP relay accepted ({@code kind} request or cancel). */
    public void invitationSent(String kind) {
        registry.counter("guestgate.invitations.sent", "kind", safe(kind)).increment();
    }

    /** An invitation mail that failed: {@code final} when it went to the dead letters. */
    public void invitationFailed(String kind, boolean finalFailure) {
        registry.counter("guestgate.invitations.failed", "kind", safe(kind), "final", Boolean.toString(finalFailure))
                .increment();
    }

    /** A guest's verification: {@code passed}, or {@code failed} with the reason (e.g. email-mismatch). */
    public void verification(String outcome, String reason) {
        registry.counter("guestgate.verifications", "outcome", safe(outcome), "reason", safe(reason))
                .increment();
    }

    /** A Webex guest token minted for a verified guest, by mode (guest-issuer or service-app). */
    public void guestTokenMinted(String mode) {
        registry.counter("guestgate.guest.tokens.minted", "mode", safe(mode)).increment();
    }

    /** One Webex API call: route template (ids replaced), method and status (0 when there was no answer). */
    public void webexCall(String method, String route, int status, Duration duration) {
        Timer.builder("guestgate.webex.requests")
                .description("Webex API calls by route")
                .tag("method", safe(method))
                .tag("route", safe(route))
                .tag("status", Integer.toString(status))
                .tag(
                        "outcome",
                        status == 0
                                ? "no-answer"
                                : status < 400 ? "success" : status < 500 ? "client-error" : "server-error")
                .publishPercentileHistogram(false)
                .register(registry)
                .record(duration);
    }

    private static String safe(String value) {
        return value == null || value.isBlank() ? "none" : value;
    }
}
