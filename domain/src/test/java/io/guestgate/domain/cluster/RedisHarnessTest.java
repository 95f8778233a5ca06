package io.guestgate.domain.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The harness itself: a real cluster of three masters that splits the slots, and no process left behind. */
class RedisHarnessTest {

    @Test
    void formsAClusterOfThreeMastersThatSpreadsKeysAndLeavesNoProcessBehind() {
        List<Long> pids;
        try (RedisCluster cluster = RedisCluster.start()) {
            pids = cluster.nodes().stream().map(RedisServerProcess::pid).toList();
            String topology = (String) cluster.nodes().get(1).command("CLUSTER", "NODES");
            assertThat(topology.lines().filter(line -> line.contains("master"))).hasSize(3);

            for (int i = 0; i < 30; i++) {
                String key = "harness:{" + i + "}:a";
                cluster.nodeFor(key).command("SET", key, "1");
            }
            assertThat(cluster.keysByNode("harness:*").values())
                    .allSatisfy(keys -> assertThat(keys).isNotEmpty());
            assertThat(cluster.slot("p:{m:abc}:inv"))
                    .isEqualTo(cluster.slot("p:{m:abc}:emails"))
                    .isNotEqualTo(cluster.slot("p:{m:abd}:inv"));
            // A multi-key command across slots is refused: this is what keeps our hash tags honest.
            RedisServerProcess node = cluster.nodeFor("harness:{1}:x");
            assertThatThrownBy(() -> node.command("MSET", "harness:{1}:x", "1", "harness:{2}:x", "2"))
                    .hasMessageContaining("CROSSSLOT");
        }
        Set<Long> alive = pids.stream()
                .filter(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .collect(Collectors.toSet());
        assertThat(alive).isEmpty();
    }

    @Test
    void aStandaloneServerStopsAndStartsAgainOnTheSamePort() {
        try (RedisServerProcess redis = RedisServerProcess.startStandalone()) {
            redis.command("SET", "k", "v");
            long firstPid = redis.pid();

            redis.stop();
            assertThat(Resp.answers(RedisServerProcess.HOST, redis.port())).isFalse();
            assertThat(ProcessHandle.of(firstPid).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();

            redis.start();
            assertThat(redis.command("PING")).isEqualTo("PONG");
            assertThat(redis.command("GET", "k")).as("nothing is persisted").isNull();
        }
    }
}
