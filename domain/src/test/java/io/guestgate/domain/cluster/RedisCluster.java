package io.guestgate.domain.cluster;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A Redis Cluster of three masters (no replicas) on loopback, for tests: three {@code redis-server
 * --cluster-enabled yes} processes in a temp directory, joined by {@code redis-cli --cluster create}.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void redis(DynamicPropertyRegistry registry) {
 *     DomainTestProperties.register(registry);
 *     RedisCluster.shared().register(registry);   // spring.data.redis.cluster.nodes wins over host/port
 * }
 * }</pre>
 *
 * {@link #shared()} starts one cluster per test JVM, on first use, and stops it when the JVM exits; every test that
 * uses it writes under its own key prefix, as on the shared Redis. {@link #start()} gives a test a cluster of its
 * own, which it closes. The processes never outlive the JVM (see {@link RedisServerProcess}).
 */
public final class RedisCluster implements AutoCloseable {

    public static final int MASTERS = 3;
    private static final int SLOTS = 16384;
    private static final Duration FORM_TIMEOUT = Duration.ofSeconds(60);

    private static RedisCluster shared;

    private final Path dir;
    private final List<RedisServerProcess> nodes;

    private RedisCluster(Path dir, List<RedisServerProcess> nodes) {
        this.dir = dir;
        // Live view: start() fills it while the nodes come up, so a failed start closes what is running.
        this.nodes = nodes;
    }

    /** The JVM's cluster, started on first use and stopped at JVM exit. */
    public static synchronized RedisCluster shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    /** A new cluster of {@value #MASTERS} masters, formed and ready; the caller closes it. */
    public static RedisCluster start() {
        Path dir = RedisServerProcess.tempDir("gg-redis-cluster-");
        List<RedisServerProcess> nodes = new ArrayList<>();
        RedisCluster cluster = new RedisCluster(dir, nodes);
        AtExit.register(cluster);
        try {
            for (int i = 0; i < MASTERS; i++) {
                nodes.add(RedisServerProcess.startClusterNode(dir));
            }
            cluster.form();
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The masters, e.g. to read keys from one node or to check their processes are gone. */
    public List<RedisServerProcess> nodes() {
        return List.copyOf(nodes);
    }

    /** {@code 127.0.0.1:p1,127.0.0.1:p2,127.0.0.1:p3}: the value of {@code spring.data.redis.cluster.nodes}. */
    public String nodeAddresses() {
        return nodes.stream().map(RedisServerProcess::address).collect(Collectors.joining(","));
    }

    /** Spring Boot's settings for this cluster; with them, Lettuce talks cluster protocol and ignores host/port. */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.data.redis.cluster.nodes", nodeAddresses());
        // Follow MOVED redirects; a failed node is not part of these tests, so no periodic topology refresh.
        properties.put("spring.data.redis.cluster.max-redirects", "3");
        return properties;
    }

    public void register(DynamicPropertyRegistry registry) {
        properties().forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The hash slot of {@code key}, as the cluster computes it ({@code CLUSTER KEYSLOT}). */
    public int slot(String key) {
        return ((Long) nodes.get(0).command("CLUSTER", "KEYSLOT", key)).intValue();
    }

    /** The master that holds {@code key}'s slot. */
    public RedisServerProcess nodeFor(String key) {
        int slot = slot(key);
        for (Object range : (List<?>) nodes.get(0).command("CLUSTER", "SLOTS")) {
            List<?> fields = (List<?>) range;
            if (slot >= (Long) fields.get(0) && slot <= (Long) fields.get(1)) {
                long port = (Long) ((List<?>) fields.get(2)).get(1);
                return nodes.stream()
                        .filter(node -> node.port() == port)
                        .findFirst()
                        .orElseThrow();
            }
        }
        throw new IllegalStateException("no master serves slot " + slot);
    }

    /** The keys matching {@code pattern}, by the address of the master that holds them. */
    public Map<String, List<String>> keysByNode(String pattern) {
        Map<String, List<String>> keys = new LinkedHashMap<>();
        for (RedisServerProcess node : nodes) {
            List<String> found = new ArrayList<>();
            for (Object key : (List<?>) node.command("KEYS", pattern)) {
                found.add((String) key);
            }
            keys.put(node.address(), found);
        }
        return keys;
    }

    /** Every key matching {@code pattern}, over all masters. */
    public List<String> keys(String pattern) {
        return keysByNode(pattern).values().stream().flatMap(List::stream).toList();
    }

    /** Deletes every key matching {@code pattern}, node by node (a test's own prefix, never anything else). */
    public void deleteKeys(String pattern) {
        if (!pattern.endsWith("*") || pattern.length() < 8) {
            throw new IllegalArgumentException("give a test's key prefix followed by *");
        }
        for (RedisServerProcess node : nodes) {
            for (Object key : (List<?>) node.command("KEYS", pattern)) {
                node.command("DEL", (String) key);
            }
        }
    }

    @Override
    public void close() {
        nodes.forEach(RedisServerProcess::close);
        RedisServerProcess.deleteTree(dir);
        AtExit.unregister(this);
    }

    private void form() {
        List<String> command = new ArrayList<>(List.of(redisCli(), "--cluster", "create"));
        nodes.forEach(node -> command.add(node.address()));
        command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        try {
            Process create =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            boolean done = create.waitFor(FORM_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            String output = new String(create.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!done) {
                create.destroyForcibly();
                throw new IllegalStateException("redis-cli --cluster create did not finish: " + output);
            }
            if (create.exitValue() != 0) {
                throw new IllegalStateException("redis-cli --cluster create failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run redis-cli (scripts/test installs it)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        awaitAgreement();
    }

    /** Until every node reports the cluster ok and knows all masters, a client may see an incomplete topology. */
    private void awaitAgreement() {
        await("the test Redis Cluster ok on every node")
                .atMost(FORM_TIMEOUT)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> nodes.stream().allMatch(this::agrees));
    }

    private boolean agrees(RedisServerProcess node) {
        String info = (String) node.command("CLUSTER", "INFO");
        return info.contains("cluster_state:ok")
                && info.contains("cluster_slots_ok:" + SLOTS)
                && info.contains("cluster_known_nodes:" + MASTERS)
                && info.contains("cluster_size:" + MASTERS);
    }

    private static String redisCli() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Path.of(dir, "redis-cli").toFile().canExecute()) {
                return Path.of(dir, "redis-cli").toString();
            }
        }
        throw new IllegalStateException(
                "redis-cli is not installed; scripts/test installs it " + "(apt-get install redis-server redis-tools)");
    }
}
