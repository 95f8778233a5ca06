package io.guestgate.emulator.faults;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * Trouble on the way from Webex to a webhook's target: the next {@code count} deliveries of {@code resource}
 * ({@code "meetingParticipants"}, {@code "messages"}, or {@code "*"} for any) are dropped (never sent, as when Webex
 * loses an event) or delayed by {@code delayMillis} before their first attempt. Without a count it lasts until
 * cleared.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryFault(String resource, Action action, Long delayMillis, Integer count) {

    public enum Action {
        DROP,
        DELAY;

        /** As the test route writes it: {@code drop} or {@code delay}. */
        @JsonValue
        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DeliveryFault {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(action, "action");
        if (resource.isBlank()) {
            throw new IllegalArgumentException("resource must name a webhook resource, or '*' for any");
        }
        if (action == Action.DELAY && (delayMillis == null || delayMillis < 0)) {
            throw new IllegalArgumentException("a delay needs delayMillis of 0 or more");
        }
        if (action == Action.DROP && delayMillis != null) {
            throw new IllegalArgumentException("a drop takes no delayMillis");
        }
        if (count != null && count < 1) {
            throw new IllegalArgumentException("count must be at least 1, or absent for 'until cleared'");
        }
    }

    /** The next {@code count} deliveries of the resource are never sent. */
    public static DeliveryFault drop(String resource, int count) {
        return new DeliveryFault(resource, Action.DROP, null, count);
    }

    /** Every delivery of the resource is dropped until the faults are cleared. */
    public static DeliveryFault dropAll(String resource) {
        return new DeliveryFault(resource, Action.DROP, null, null);
    }

    /** The next {@code count} deliveries of the resource wait {@code millis} before their first attempt. */
    public static DeliveryFault delay(String resource, long millis, int count) {
        return new DeliveryFault(resource, Action.DELAY, millis, count);
    }

    /** Every delivery of the resource waits {@code millis} until the faults are cleared. */
    public static DeliveryFault delayAll(String resource, long millis) {
        return new DeliveryFault(resource, Action.DELAY, millis, null);
    }

    boolean appliesTo(String deliveryResource) {
        return "*".equals(resource) || resource.equals(deliveryResource);
    }
}
