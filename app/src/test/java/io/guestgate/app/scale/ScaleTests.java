package io.guestgate.app.scale;

import io.guestgate.domain.cluster.AtExit;
import io.guestgate.domain.cluster.RedisServerProcess;

/**
 * The world the multi-instance and fault tests share, started once per test JVM (three application contexts take a
 * while on two cores) and stopped when the JVM exits: three instances on a Redis of their own, which the outage test
 * may stop and start; the shared Redis on 6379 is never touched.
 */
final class ScaleTests {

    private static RedisServerProcess redis;
    private static ScaleWorld world;

    private ScaleTests() {}

    static synchronized ScaleWorld world() {
        if (world == null) {
            redis = RedisServerProcess.startStandalone();
            world = ScaleWorld.start(new ScaleWorld.Options()
                    .instances(3)
                    .redis(RedisServerProcess.HOST, redis.port())
                    // Test pace: a Webex call that hangs is given up after 2 s (production: 30 s), and failed mail
                    // is retried within seconds (production: from 15 s on). Everything else as in production.
                    .property("guestgate.webex.http.response-timeout", "2s")
                    .property("guestgate.webex.http.base-backoff", "200ms")
                    .property("guestgate.outbox.initial-backoff", "300ms")
                    .property("guestgate.outbox.max-backoff", "2s"));
            // Closed at exit after everything started later and before the Redis it runs on.
            AtExit.register(world);
            world.deliverWebhooksThroughBalancer();
        }
        return world;
    }

    /** The Redis the shared world runs on. */
    static synchronized RedisServerProcess redis() {
        world();
        return redis;
    }
}
