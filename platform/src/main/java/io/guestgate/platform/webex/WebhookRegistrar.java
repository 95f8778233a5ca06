package io.guestgate.platform.webex;

import io.guestgate.platform.GuestgateProperties;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.oauth.AccessToken;
import io.guestgate.webex.webhooks.CreateWebhookRequest;
import io.guestgate.webex.webhooks.UpdateWebhookRequest;
import io.guestgate.webex.webhooks.Webhook;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes sure the bot has exactly one active webhook per event GuestGate listens to, pointing at
 * {@code {public-base-url}/webhooks/webex} with the configured secret. Safe to run again and again: a second run finds
 * nothing to do.
 * <p>
 * Each linked organizer has four more, owned by their own token because only the host hears of their meetings:
 * {@code meetingParticipants} {@code joined} and {@code left} (the lobby), and {@code meetings} {@code updated} and
 * {@code deleted} (a meeting changed in Webex itself: the app, the site, Outlook), to the same signed intake. They are
 * made (or repaired) when the organizer links their account and removed when they log out.
 */
@Component
public class WebhookRegistrar {

    /** The webhooks GuestGate needs. */
    static final List<Wanted> WANTED = List.of(
            new Wanted("guestgate-messages", "messages", "created"),
            new Wanted("guestgate-card-actions", "attachmentActions", "created"));

    /** The webhooks each organizer's own token registers: their meetings' lobbies, and changes made in Webex. */
    static final List<Wanted> LOBBY = List.of(
            new Wanted("guestgate-lobby-joined", "meetingParticipants", "joined"),
            new Wanted("guestgate-lobby-left", "meetingParticipants", "left"),
            new Wanted("guestgate-meetings-updated", "meetings", "updated"),
            new Wanted("guestgate-meetings-deleted", "meetings", "deleted"));

    private final WebexClient webex;
    private final WebexProperties webexProperties;
    private final GuestgateProperties properties;

    WebhookRegistrar(WebexClient webex, WebexProperties webexProperties, GuestgateProperties properties) {
        this.webex = webex;
        this.webexProperties = webexProperties;
        this.properties = properties;
    }

    /** Where Webex delivers the bot's events. */
    public String targetUrl() {
        return properties.baseUrl() + "/webhooks/webex";
    }

    /** The bot's webhooks as Webex has them. */
    public Flux<Webhook> list() {
        return webex.webhooks().list(webexProperties.bot());
    }

    /** Creates, repairs, reactivates and de-duplicates; returns what it did, one line per webhook touched or kept. */
    public Mono<List<Action>> register() {
        return register(webexProperties.bot(), WANTED);
    }

    /**
     * The organizer's own webhooks ({@code meetingParticipants} joined and left, {@code meetings} updated and
     * deleted), created, repaired or kept, with the organizer's token. Errors as Webex answers, e.g. 403 when the
     * token lacks {@code meeting:participants_read}.
     */
    public Mono<List<Action>> registerLobby(AccessToken organizer) {
        return register(organizer, LOBBY);
    }

    /** Removes the organizer's own webhooks, e.g. at logout. */
    public Mono<List<Action>> deleteLobby(AccessToken organizer) {
        return webex.webhooks()
                .list(organizer)
                .filter(hook -> LOBBY.stream().anyMatch(wanted -> wanted.matches(hook)))
                .concatMap(hook -> webex.webhooks()
                        .delete(organizer, hook.id())
                        .thenReturn(new Action(Verb.DELETED, hook.id(), hook.name(), "removed at logout")))
                .collectList();
    }

    private Mono<List<Action>> register(AccessToken owner, List<Wanted> wanted) {
        String secret = webexProperties.webhookSecret();
        if (secret == null || secret.isBlank()) {
            return Mono.error(new IllegalStateException(
                    "Set guestgate.webex.webhook-secret: Webex signs every delivery with it"));
        }
        return webex.webhooks()
                .list(owner)
                .collectList()
                .flatMap(existing -> Flux.fromIterable(wanted)
                        .concatMap(one -> reconcile(owner, one, secret, existing))
                        .collectList());
    }

    /** Deletes every webhook of the bot that GuestGate registers (its resource and event, its name or target). */
    public Mono<List<Action>> deleteAll() {
        AccessToken bot = webexProperties.bot();
        return list().filter(hook -> WANTED.stream()
                        .anyMatch(wanted -> wanted.matches(hook)
                                && (wanted.name().equals(hook.name())
                                        || targetUrl().equals(hook.targetUrl()))))
                .concatMap(hook -> webex.webhooks()
                        .delete(bot, hook.id())
                        .thenReturn(new Action(Verb.DELETED, hook.id(), hook.name(), "removed on request")))
                .collectList();
    }

    /**
     * The bot's webhooks that point at GuestGate but are none GuestGate registers (another resource or event):
     * deliveries GuestGate acknowledges and drops, which an operator should see and remove.
     */
    public Flux<Webhook> strays() {
        return list().filter(hook ->
                targetUrl().equals(hook.targetUrl()) && WANTED.stream().noneMatch(wanted -> wanted.matches(hook)));
    }

    private Flux<Action> reconcile(AccessToken bot, Wanted wanted, String secret, List<Webhook> existing) {
        // GuestGate's own: the resource and event it needs, under its name or pointing at it. Another app's webhook
        // for the same event, under another name and elsewhere, is not GuestGate's to change or delete.
        List<Webhook> candidates = new ArrayList<>(existing.stream()
                .filter(hook -> wanted.matches(hook)
                        && (wanted.name().equals(hook.name()) || targetUrl().equals(hook.targetUrl())))
                .toList());
        // Keep the one closest to right: no filter, our target, active.
        candidates.sort(Comparator.comparing((Webhook hook) ->
                        hook.filter() != null && !hook.filter().isBlank())
                .thenComparing(hook -> !targetUrl().equals(hook.targetUrl()))
                .thenComparing(hook -> !hook.active()));
        if (candidates.isEmpty() || hasFilter(candidates.get(0))) {
            Mono<Action> create = webex.webhooks()
                    .create(
                            bot,
                            CreateWebhookRequest.of(
                                    wanted.name(), targetUrl(), wanted.resource(), wanted.event(), secret))
                    .map(hook -> new Action(
                            Verb.CREATED,
                            hook.id(),
                            wanted.name(),
                            wanted.resource() + ":" + wanted.event() + " → " + targetUrl()));
            return create.concatWith(deleteAll(bot, candidates, "filtered, GuestGate needs every event"));
        }
        Webhook kept = candidates.get(0);
        Flux<Action> duplicates = deleteAll(bot, candidates.subList(1, candidates.size()), "duplicate");
        return fix(bot, wanted, kept, secret).concatWith(duplicates);
    }

    private Mono<Action> fix(AccessToken bot, Wanted wanted, Webhook hook, String secret) {
        List<String> changes = new ArrayList<>();
        if (!targetUrl().equals(hook.targetUrl())) {
            changes.add("target was " + hook.targetUrl());
        }
        if (!Objects.equals(secret, hook.secret())) {
            changes.add("secret replaced");
        }
        if (!hook.active()) {
            changes.add("was " + hook.status());
        }
        if (changes.isEmpty()) {
            return Mono.just(new Action(Verb.UNCHANGED, hook.id(), hook.name(), "active, target and secret right"));
        }
        Verb verb = changes.size() == 1 && !hook.active() ? Verb.REACTIVATED : Verb.UPDATED;
        String name = hook.name() == null || hook.name().isBlank() ? wanted.name() : hook.name();
        return webex.webhooks()
                .update(bot, hook.id(), UpdateWebhookRequest.activate(name, targetUrl(), secret))
                .map(updated -> new Action(verb, updated.id(), updated.name(), String.join(", ", changes)));
    }

    private Flux<Action> deleteAll(AccessToken bot, List<Webhook> hooks, String why) {
        return Flux.fromIterable(hooks)
                .concatMap(hook -> webex.webhooks()
                        .delete(bot, hook.id())
                        .thenReturn(new Action(Verb.DELETED, hook.id(), hook.name(), why)));
    }

    private static boolean hasFilter(Webhook hook) {
        return hook.filter() != null && !hook.filter().isBlank();
    }

    record Wanted(String name, String resource, String event) {
        boolean matches(Webhook hook) {
            return resource.equals(hook.resource()) && event.equals(hook.event());
        }
    }

    public enum Verb {
        CREATED,
        UPDATED,
        REACTIVATED,
        DELETED,
        UNCHANGED
    }

    /** One thing the registrar did (or found right). */
    public record Action(Verb verb, String webhookId, String name, String detail) {
        @Override
        public String toString() {
            return String.format(
                    "%-11s %-24s %s (%s)", verb.name().toLowerCase(java.util.Locale.ROOT), name, detail, webhookId);
        }
    }
}
