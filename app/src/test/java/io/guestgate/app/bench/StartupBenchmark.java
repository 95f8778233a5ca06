package io.guestgate.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.guestgate.app.scale.ScaleWorld;
import io.guestgate.domain.cluster.RedisServerProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Startup and idle memory of the production jar, laid out as the container image lays it out (Spring Boot's
 * {@code extract}: the jar and its {@code lib/}), started three times per variant with production JVM options and
 * every outside system up; timed from starting the JVM until the readiness probe (Redis, SMTP, Webex, identity
 * provider) answers 200; resident memory right then and after ten idle seconds. Variants on the JDK that runs the
 * benchmark:
 * <ul>
 * <li>the jar as it is;</li>
 * <li>with the classes archived by a training run ({@code -Dspring.context.exit=onRefresh}): a CDS archive on JDK 17
 * ({@code -XX:ArchiveClassesAtExit}), an AOT cache on JDK 25 ({@code -XX:AOTCacheOutput}, JEP 483/514/515);</li>
 * <li>on JDK 25 also with compact object headers (JEP 519), cache trained with them.</li>
 * </ul>
 * (Memory under load: see the intake benchmark.)
 */
@Tag("benchmark")
class StartupBenchmark {

    static final int STARTS = 3;

    @Test
    void timeToReadyAndIdleMemory() {
        double loadBefore = BenchReport.loadAverage();
        int feature = Runtime.version().feature();
        Path jar = extractedJar();
        List<String> rows = new ArrayList<>();
        List<String> medians = new ArrayList<>();
        try (RedisServerProcess redis = RedisServerProcess.startStandalone();
                ScaleWorld world = ScaleWorld.start(
                        new ScaleWorld.Options().instances(0).redis(RedisServerProcess.HOST, redis.port()))) {
            measure(world, jar, "production jar", List.of(), rows, medians);
            Path cache = BenchReport.directory().resolve(feature >= 25 ? "guestgate.aot" : "guestgate.jsa");
            train(world, jar, cache, List.of());
            measure(world, jar, classCacheName(feature), classCacheUse(feature, cache), rows, medians);
            if (feature >= 25) {
                Path compact = BenchReport.directory().resolve("guestgate-compact.aot");
                List<String> compactHeaders = List.of("-XX:+UseCompactObjectHeaders");
                train(world, jar, compact, compactHeaders);
                List<String> options = new ArrayList<>(compactHeaders);
                options.addAll(classCacheUse(feature, compact));
                measure(world, jar, classCacheName(feature) + ", compact object headers", options, rows, medians);
            }
        }
        double loadAfter = BenchReport.loadAverage();
        StringBuilder md = new StringBuilder("| variant | start | JVM start → ready | Spring Boot's \"Started in\" "
                + "| resident at ready | resident after 10 s idle |\n|---|---|---|---|---|---|\n");
        rows.forEach(row -> md.append(row).append('\n'));
        md.append('\n');
        medians.forEach(median -> md.append("- ").append(median).append('\n'));
        md.append(String.format(
                Locale.ROOT,
                "- JVM options as in a 1 GiB pod: `%s`; the jar extracted as in the container image "
                        + "(`java -Djarmode=tools -jar guestgate.jar extract`), started with `java -jar`.%n",
                String.join(" ", AppProcess.PRODUCTION_JVM)));
        md.append("- ").append(BenchReport.machine(loadBefore, loadAfter)).append('\n');
        BenchReport.publish("startup-jdk" + feature, md.toString());
    }

    private static void measure(
            ScaleWorld world, Path jar, String variant, List<String> jvm, List<String> rows, List<String> medians) {
        List<Double> ready = new ArrayList<>();
        for (int i = 1; i <= STARTS; i++) {
            try (AppProcess app = AppProcess.guestGateJar(world, "guestgate-startup-" + i, jar, jvm)) {
                double atReady = app.residentMiB();
                AppProcess.sleep(10_000);
                double idle = app.residentMiB();
                Duration spring = app.springStartup();
                ready.add(app.timeToReady().toMillis() / 1000.0);
                rows.add(String.format(
                        Locale.ROOT,
                        "| %s | %d | %.1f s | %s | %.0f MiB | %.0f MiB |",
                        variant,
                        i,
                        app.timeToReady().toMillis() / 1000.0,
                        spring == null ? "–" : String.format(Locale.ROOT, "%.1f s", spring.toMillis() / 1000.0),
                        atReady,
                        idle));
            }
        }
        List<Double> sorted = ready.stream().sorted().toList();
        medians.add(String.format(
                Locale.ROOT,
                "%s%s: median time to ready **%.1f s**",
                variant,
                jvm.isEmpty() ? "" : " (`" + String.join(" ", jvm) + "`)",
                sorted.get(sorted.size() / 2)));
    }

    /** One training run that writes {@code cache}; fails the benchmark if it did not. */
    private static void train(ScaleWorld world, Path jar, Path cache, List<String> extraJvm) {
        try {
            Files.deleteIfExists(cache);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> jvm = new ArrayList<>(extraJvm);
        jvm.add(
                Runtime.version().feature() >= 25
                        ? "-XX:AOTCacheOutput=" + cache
                        : "-XX:ArchiveClassesAtExit=" + cache);
        int exit = AppProcess.train(world, "guestgate-training-" + cache.getFileName(), jar, jvm);
        assertThat(exit).as("training run's exit code").isZero();
        assertThat(cache).as("written by the training run").isNotEmptyFile();
    }

    private static String classCacheName(int feature) {
        return feature >= 25 ? "AOT cache" : "CDS archive";
    }

    private static List<String> classCacheUse(int feature, Path cache) {
        return List.of(feature >= 25 ? "-XX:AOTCache=" + cache : "-XX:SharedArchiveFile=" + cache);
    }

    /** {@code target/guestgate.jar}, extracted as the container image extracts it; returns the jar to start. */
    private static Path extractedJar() {
        Path production = Path.of("target", "guestgate.jar");
        assertThat(production).as("built by ./scripts/bench (mvnw install)").isRegularFile();
        Path destination = BenchReport.directory().resolve("guestgate-extracted");
        try {
            Process extract = new ProcessBuilder(
                            AppProcess.java(),
                            "-Djarmode=tools",
                            "-jar",
                            production.toString(),
                            "extract",
                            "--force",
                            "--destination",
                            destination.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(
                            BenchReport.directory().resolve("extract.log").toFile())
                    .start();
            assertThat(extract.waitFor()).as("extract's exit code").isZero();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return destination.resolve("guestgate.jar");
    }
}
