package io.guestgate.emulator.webhooks;

import io.guestgate.emulator.auth.Caller;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.support.ApiException;
import io.guestgate.emulator.support.Paging;
import io.guestgate.emulator.support.Times;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Webhook CRUD. Each caller sees only the webhooks its own token created. */
@RestController
class WebhooksController {

    private static final Set<String> RESOURCES = Set.of(
            "attachmentActions",
            "dataSources",
            "memberships",
            "messages",
            "rooms",
            "meetings",
            "recordings",
            "convergedRecordings",
            "meetingParticipants",
            "meetingTranscripts",
            "telephony_calls",
            "telephony_conference",
            "telephony_mwi",
            "uc_counters",
            "serviceApp",
            "adminBatchJobs");
    private static final Set<String> EVENTS = Set.of(
            "created",
            "updated",
            "deleted",
            "started",
            "ended",
            "joined",
            "left",
            "migrated",
            "authorized",
            "deauthorized",
            "statusChanged");

    private final WebhookStore store;
    private final WebhookDispatcher dispatcher;
    private final Clock clock;

    WebhooksController(WebhookStore store, WebhookDispatcher dispatcher, Clock clock) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    record CreateWebhook(
            String name,
            String targetUrl,
            String resource,
            String event,
            String filter,
            String secret,
            String ownedBy) {}

    record UpdateWebhook(String name, String targetUrl, String secret, String ownedBy, String status) {}

    @PostMapping("/v1/webhooks")
    Map<String, Object> create(Caller caller, @RequestBody(required = false) CreateWebhook body) {
        caller.requirePersonOrBot();
        if (body == null) {
            throw ApiException.badRequest("The request body is required.");
        }
        requireText(body.name(), "name");
        requireUrl(body.targetUrl());
        if (body.resource() == null || !RESOURCES.contains(body.resource())) {
            throw ApiException.badRequest("resource must be one of " + RESOURCES + ".");
        }
        if (body.event() == null || !EVENTS.contains(body.event())) {
            throw ApiException.badRequest("event must be one of " + EVENTS + ".");
        }
        checkEventOfResource(body.resource(), body.event());
        Map<String, String> filter = WebhookFilter.parse(body.filter(), body.resource());
        checkOwnership(filter, body.ownedBy());
        Webhook webhook = new Webhook(
                EmulatorSeed.WebexIds.random("WEBHOOK"),
                body.name(),
                body.targetUrl(),
                body.resource(),
                body.event(),
                blankToNull(body.filter()),
                blankToNull(body.secret()),
                Webhook.Status.ACTIVE,
                clock.instant(),
                caller.personId());
        store.save(webhook);
        return view(webhook);
    }

    @GetMapping("/v1/webhooks")
    ResponseEntity<Map<String, Object>> list(Caller caller, ServerHttpRequest request) {
        List<Map<String, Object>> items = store.all().stream()
                .filter(w -> w.ownerId().equals(caller.personId()))
                .map(WebhooksController::view)
                .toList();
        Paging.Page<Map<String, Object>> page = Paging.page(items, request, 100, 100);
        return ResponseEntity.ok().headers(page.headers()).body(Map.of("items", page.items()));
    }

    @GetMapping("/v1/webhooks/{webhookId}")
    Map<String, Object> get(Caller caller, @PathVariable String webhookId) {
        return view(require(caller, webhookId));
    }

    /** Name and target are required; a missing secret removes it; {@code status: active} reactivates. */
    @PutMapping("/v1/webhooks/{webhookId}")
    Map<String, Object> update(
            Caller caller, @PathVariable String webhookId, @RequestBody(required = false) UpdateWebhook body) {
        Webhook existing = require(caller, webhookId);
        if (body == null) {
            throw ApiException.badRequest("The request body is required.");
        }
        requireText(body.name(), "name");
        requireUrl(body.targetUrl());
        if (body.status() != null && !"active".equals(body.status())) {
            throw ApiException.badRequest("status can only be set to active.");
        }
        Webhook.Status status = "active".equals(body.status()) ? Webhook.Status.ACTIVE : existing.status();
        Webhook updated = store.update(
                        existing.id(),
                        w -> w.updated(body.name(), body.targetUrl(), blankToNull(body.secret()), status))
                .orElseThrow(() -> ApiException.notFound("Webhook not found."));
        if (status == Webhook.Status.ACTIVE) {
            dispatcher.reactivated(updated.id());
        }
        return view(updated);
    }

    @DeleteMapping("/v1/webhooks/{webhookId}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable String webhookId) {
        store.remove(require(caller, webhookId).id());
        return ResponseEntity.noContent().build();
    }

    /** Participants only join and leave. */
    private static void checkEventOfResource(String resource, String event) {
        if ("meetingParticipants".equals(resource) && !Set.of("joined", "left").contains(event)) {
            throw ApiException.badRequest("event must be joined or left for resource meetingParticipants.");
        }
    }

    /**
     * The spec: a filter on {@code hostEmail}, {@code hostUserId}, {@code ownerEmail} or {@code ownerId} needs
     * {@code ownedBy: org}, and org-level webhooks need an admin, which the emulator's seed has none of.
     */
    private static void checkOwnership(Map<String, String> filter, String ownedBy) {
        if (filter.keySet().stream().noneMatch(WebhookFilter.ORG_LEVEL_KEYS::contains)) {
            return;
        }
        if (!"org".equals(ownedBy)) {
            throw ApiException.badRequest("A filter on " + WebhookFilter.ORG_LEVEL_KEYS + " requires ownedBy=org.");
        }
        throw ApiException.forbidden("Org-level webhooks (ownedBy=org) require an administrator.");
    }

    private Webhook require(Caller caller, String id) {
        return store.byId(id)
                .filter(w -> w.ownerId().equals(caller.personId()))
                .orElseThrow(() -> ApiException.notFound("Webhook not found."));
    }

    static Map<String, Object> view(Webhook w) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", w.id());
        body.put("name", w.name());
        body.put("targetUrl", w.targetUrl());
        body.put("resource", w.resource());
        body.put("event", w.event());
        if (w.filter() != null) {
            body.put("filter", w.filter());
        }
        if (w.secret() != null) {
            body.put("secret", w.secret());
        }
        body.put("status", w.status().wire());
        body.put("created", Times.format(w.created()));
        body.put("ownedBy", "creator");
        return body;
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest(name + " is required.");
        }
    }

    private static void requireUrl(String url) {
        requireText(url, "targetUrl");
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute()
                    || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    || uri.getHost() == null) {
                throw ApiException.badRequest("targetUrl must be an absolute http or https URL.");
            }
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("targetUrl must be an absolute http or https URL.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
