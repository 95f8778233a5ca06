package io.guestgate.emulator.webhooks;

import io.guestgate.emulator.config.EmulatorProperties;
import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.faults.DeliveryFault;
import io.guestgate.emulator.faults.DeliveryFaults;
import io.guestgate.emulator.support.Times;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends envelopes for events that match active webhooks. Delivery runs after the triggering call has answered;
 * failures are retried with exponential backoff, and too many failures in a row turn the webhook inactive. Armed
 * {@link DeliveryFaults} drop or delay deliveries, as a lossy or slow network between Webex and the target would.
 */
@Component
public class WebhookDispatcher {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final WebhookStore webhooks;
    private final DeliveryLog deliveries;
    private final JsonMapper json;
    private final Clock clock;
    private final EmulatorProperties.Webhooks settings;
    private final String orgId;
    private final WebClient http;
    private final DeliveryFaults faults;
    private final Map<String, AtomicInteger> consecutiveFailures = new ConcurrentHashMap<>();

    WebhookDispatcher(
            WebhookStore webhooks,
            DeliveryLog deliveryLog,
            JsonMapper json,
            Clock clock,
            EmulatorProperties properties,
            EmulatorSeed seed,
            ReactorResourceFactory resources,
            DeliveryFaults faults) {
        this.http = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(resources, client -> client))
                .build();
        this.webhooks = webhooks;
        this.deliveries = deliveryLog;
        this.json = json;
        this.clock = clock;
        this.settings = properties.webhooks();
        this.orgId = seed.orgId();
        this.faults = faults;
    }

    public void publish(WebhookEvent event) {
        for (Webhook w : webhooks.all()) {
            if (w.status() == Webhook.Status.ACTIVE
                    && w.resource().equals(event.resource())
                    && w.event().equals(event.event())
                    && event.visibleTo().test(w.ownerId())
                    && WebhookFilter.matches(w.filter(), w.resource(), w.ownerId(), event.filterFields())) {
                send(newDelivery(w, event));
            }
        }
    }

    /** Sends the same bytes again as a new delivery, as Webex's at-least-once delivery sometimes does. */
    public Optional<Delivery> duplicate(String deliveryId) {
        return deliveries.byId(deliveryId).map(original -> {
            Delivery copy = new Delivery(
                    newId(),
                    original.webhookId(),
                    original.targetUrl(),
                    original.resource(),
                    original.event(),
                    original.dataId(),
                    original.body(),
                    original.signature(),
                    original.id(),
                    false,
                    null,
                    List.of());
            deliveries.add(copy);
            send(copy);
            return copy;
        });
    }

    void reactivated(String webhookId) {
        consecutiveFailures.remove(webhookId);
    }

    private Delivery newDelivery(Webhook w, WebhookEvent event) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", w.id());
        envelope.put("name", w.name());
        envelope.put("targetUrl", w.targetUrl());
        envelope.put("resource", w.resource());
        envelope.put("event", w.event());
        if (w.filter() != null) {
            envelope.put("filter", w.filter());
        }
        envelope.put("orgId", orgId);
        envelope.put("createdBy", w.ownerId());
        envelope.put("appId", EmulatorSeed.WebexIds.of("APPLICATION", w.ownerId()));
        envelope.put("ownedBy", "creator");
        envelope.put("status", w.status().wire());
        envelope.put("created", Times.format(w.created()));
        envelope.put("actorId", event.actorId());
        envelope.put("data", event.data());
        byte[] bytes = json.writeValueAsBytes(envelope);
        String signature = w.secret() == null ? null : Signatures.sign(w.secret(), bytes);
        Delivery delivery = new Delivery(
                newId(),
                w.id(),
                w.targetUrl(),
                w.resource(),
                w.event(),
                String.valueOf(event.data().get("id")),
                new String(bytes, StandardCharsets.UTF_8),
                signature,
                null,
                false,
                null,
                List.of());
        deliveries.add(delivery);
        return delivery;
    }

    /** Sends, unless an armed delivery fault drops or delays it; either is noted in the delivery log. */
    private void send(Delivery delivery) {
        Optional<DeliveryFault> fault = faults.take(delivery.resource());
        if (fault.isPresent() && fault.get().action() == DeliveryFault.Action.DROP) {
            deliveries.update(delivery.id(), Delivery::asDropped);
            log.info("Delivery {} of webhook {} dropped by an armed fault", delivery.id(), delivery.webhookId());
            return;
        }
        if (fault.isPresent()) {
            long millis = fault.get().delayMillis();
            deliveries.update(delivery.id(), d -> d.delayedBy(millis));
            Mono.delay(Duration.ofMillis(millis))
                    .then(Mono.defer(() -> attempt(delivery, 1)))
                    .subscribe();
            return;
        }
        attempt(delivery, 1).subscribe();
    }

    private Mono<Void> attempt(Delivery delivery, int number) {
        Optional<Webhook> webhook = webhooks.byId(delivery.webhookId());
        if (webhook.isEmpty() || webhook.get().status() != Webhook.Status.ACTIVE) {
            return Mono.empty();
        }
        WebClient.RequestBodySpec request = http.post()
                .uri(delivery.targetUrl())
                .contentType(MediaType.APPLICATION_JSON)
                .header("User-Agent", "GuestGate-Webex-Emulator");
        if (delivery.signature() != null) {
            request = request.header(Signatures.HEADER, delivery.signature());
        }
        return request.bodyValue(delivery.bodyBytes())
                .exchangeToMono(response ->
                        response.releaseBody().thenReturn(response.statusCode().value()))
                .timeout(settings.timeout())
                .map(status -> new Delivery.Attempt(status, null, clock.instant()))
                .onErrorResume(
                        e -> Mono.just(new Delivery.Attempt(0, e.getClass().getSimpleName(), clock.instant())))
                .flatMap(result -> {
                    deliveries.record(delivery.id(), result);
                    if (result.succeeded()) {
                        consecutiveFailures.remove(delivery.webhookId());
                        return Mono.empty();
                    }
                    int failures = consecutiveFailures
                            .computeIfAbsent(delivery.webhookId(), k -> new AtomicInteger())
                            .incrementAndGet();
                    if (failures >= settings.maxConsecutiveFailures()) {
                        webhooks.update(delivery.webhookId(), w -> w.withStatus(Webhook.Status.INACTIVE));
                        log.info(
                                "Webhook {} set inactive after {} consecutive failed deliveries",
                                delivery.webhookId(),
                                failures);
                        return Mono.empty();
                    }
                    if (number >= settings.maxAttempts()) {
                        return Mono.empty();
                    }
                    Duration backoff = settings.initialBackoff().multipliedBy(1L << (number - 1));
                    return Mono.delay(backoff).then(Mono.defer(() -> attempt(delivery, number + 1)));
                });
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
