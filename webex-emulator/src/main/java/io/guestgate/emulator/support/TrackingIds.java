package io.guestgate.emulator.support;

import java.util.UUID;
import org.springframework.web.server.ServerWebExchange;

/** One trackingId per request, sent as the {@code TrackingID} header and inside every error body. */
public final class TrackingIds {

    public static final String HEADER = "TrackingID";
    private static final String ATTRIBUTE = TrackingIds.class.getName();

    private TrackingIds() {}

    public static String of(ServerWebExchange exchange) {
        return exchange.getAttributes()
                .computeIfAbsent(ATTRIBUTE, k -> "EMULATOR_" + UUID.randomUUID())
                .toString();
    }
}
