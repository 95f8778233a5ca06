package io.guestgate.bot.invite.outbox;

import java.net.InetAddress;
import java.net.UnknownHostException;

import io.guestgate.guestlist.redis.Ids;

/** Consumer names unique per running instance: the host name (for people reading XINFO) plus a random part. */
final class ConsumerNames {

    private ConsumerNames() {
    }

    static String of(OutboxProperties properties) {
        if (properties.consumerName() != null) {
            return properties.consumerName();
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "instance";
        }
        String safe = host.replaceAll("[^A-Za-z0-9_.-]", "-");
        if (safe.length() > 60) {
            safe = safe.substring(0, 60);
        }
        return safe + "-" + Ids.random(8);
    }
}
