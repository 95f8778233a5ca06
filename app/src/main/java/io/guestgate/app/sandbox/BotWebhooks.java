package io.guestgate.app.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.guestgate.webex.AccessToken;
import io.guestgate.webex.WebexClient;
import io.guestgate.webex.webhooks.CreateWebhookRequest;
import io.guestgate.webex.webhooks.UpdateWebhookRequest;
import io.guestgate.webex.webhooks.Webhook;

/**
 * Registers the bot's two webhooks at the emulator, idempotently: creates what is missing, fixes a wrong target or
 * secret, reactivates an inactive one and deletes duplicates. Returns one line per action for the startup block.
 */
final class BotWebhooks {

    /** The resource/event pairs the bot handles. */
    static final List<List<String>> SUBSCRIPTIONS = List.of(
            List.of("messages", "created"),
            List.of("attachmentActions", "created"));
    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    private final WebexClient webex;

    BotWebhooks(WebexClient webex) {
        this.webex = webex;
    }

    List<String> ensure(AccessToken bot, String targetUrl, String secret) {
        List<Webhook> existing = webex.webhooks().list(bot).collectList().block(TIMEOUT);
        List<String> done = new ArrayList<>();
        for (List<String> subscription : SUBSCRIPTIONS) {
            String resource = subscription.get(0);
            String event = subscription.get(1);
            String name = "guestgate-" + resource;
            List<Webhook> same = existing.stream()
                    .filter(w -> resource.equals(w.resource()) && event.equals(w.event()))
                    .toList();
            if (same.isEmpty()) {
                webex.webhooks().create(bot, CreateWebhookRequest.of(name, targetUrl, resource, event, secret))
                        .block(TIMEOUT);
                done.add("created " + resource + ":" + event);
                continue;
            }
            Webhook kept = same.get(0);
            if (!kept.active() || !targetUrl.equals(kept.targetUrl()) || !secret.equals(kept.secret())) {
                webex.webhooks().update(bot, kept.id(), UpdateWebhookRequest.activate(name, targetUrl, secret))
                        .block(TIMEOUT);
                done.add("updated " + resource + ":" + event);
            }
            else {
                done.add("kept " + resource + ":" + event);
            }
            for (Webhook duplicate : same.subList(1, same.size())) {
                webex.webhooks().delete(bot, duplicate.id()).block(TIMEOUT);
                done.add("deleted a duplicate " + resource + ":" + event);
            }
        }
        return done;
    }
}
