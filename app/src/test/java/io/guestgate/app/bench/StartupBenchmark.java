package io.guestgate.app.bench;

import io.guestgate.app.scale.ScaleWorld;
import io.guestgate.domain.cluster.RedisServerProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Startup and idle memory: GuestGate started three times as production starts it (production JVM options, every
 * outside system up), timed from starting the JVM until the readiness probe (Redis, SMTP, Webex, identity provider)
 * answers 200; resident memory right then and after ten idle seconds. (Memory under load: see the intake benchmark.)
 */
@Tag("benchmark")
class StartupBenchmark {

    static final int STARTS = 3;

    @Test
    void timeToReadyAndIdleMemory() {
        double loadBefore = BenchReport.loadAverage();
        List<String> rows = new ArrayList<>();
        List<Double> ready = new ArrayList<>();
        try (RedisServerProcess redis = RedisServerProcess.startStandalone();
                ScaleWorld world = ScaleWorld.start(
                        new ScaleWorld.Options().instances(0).redis(RedisServerProcess.HOST, redis.port()))) {
            for (int i = 1; i <= STARTS; i++) {
                try (AppProcess app = AppProcess.guestGate(world, "guestgate-startup-" + i)) {
                    double atReady = app.residentMiB();
                    AppProcess.sleep(10_000);
                    double idle = app.residentMiB();
                    Duration spring = app.springStartup();
                    ready.add(app.timeToReady().toMillis() / 1000.0);
                    rows.add(String.format(
                            Locale.ROOT,
                            "| %d | %.1f s | %s | %.0f MiB | %.0f MiB |",
                            i,
                            app.timeToReady().toMillis() / 1000.0,
                            spring == null ? "–" : String.format(Locale.ROOT, "%.1f s", spring.toMillis() / 1000.0),
                            atReady,
                            idle));
                }
            }
        }
        double loadAfter = BenchReport.loadAverage();
        List<Double> sorted = ready.stream().sorted().toList();
        StringBuilder md =
                new StringBuilder("| start | JVM start → ready | Spring Boot's \"Started in\" | resident at ready "
                        + "| resident after 10 s idle |\n|---|---|---|---|---|\n");
        rows.forEach(row -> md.append(row).append('\n'));
        md.append(String.format(
                Locale.ROOT,
                "%n- Median time to ready: **%.1f s**. JVM options as in a 1 GiB pod: " + "`%s`.%n",
                sorted.get(sorted.size() / 2),
                String.join(" ", AppProcess.PRODUCTION_JVM)));
        md.append("- ").append(BenchReport.machine(loadBefore, loadAfter)).append('\n');
        BenchReport.publish("startup", md.toString());
    }
}
