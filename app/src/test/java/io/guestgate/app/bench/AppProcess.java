package io.guestgate.app.bench;

import static org.awaitility.Awaitility.await;

import io.guestgate.domain.cluster.ChildProcesses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A Java application in a process of its own (so that its startup, memory and CPU are its own, not the test's): the
 * test's class path, the given JVM options, {@code --name=value} arguments. Output goes to
 * {@code target/benchmarks/<name>.log}. A watchdog shell kills the process if the test JVM dies first.
 */
final class AppProcess implements AutoCloseable {

    /** What the container image sets, in a pod with the 1 GiB limit of deploy/k8s (75 % of it as heap). */
    static final List<String> PRODUCTION_JVM = List.of("-Xmx768m", "-XX:+ExitOnOutOfMemoryError");

    private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Process watchdog;
    private final Path log;
    private final int port;
    private Duration timeToReady;

    private AppProcess(String name, Process process, Process watchdog, Path log, int port) {
        this.name = name;
        this.process = process;
        this.watchdog = watchdog;
        this.log = log;
        this.port = port;
    }

    /**
     * GuestGate as production runs it (production JVM options, default logging), pointed at {@code world}, behind
     * the world's balancer; returns once its readiness probe (Redis, SMTP, Webex, identity provider) says ready.
     */
    static AppProcess guestGate(io.guestgate.app.scale.ScaleWorld world, String name) {
        return guestGate(
                world,
                name,
                List.of("-cp", testClassPath(), io.guestgate.app.GuestGateApplication.class.getName()),
                jvmOptions(name));
    }

    /**
     * GuestGate from the production jar, laid out as the container image lays it out ({@code extract}: the jar and
     * its {@code lib/}), with {@code extraJvm} options on top of the production ones (a class data archive, say).
     */
    static AppProcess guestGateJar(
            io.guestgate.app.scale.ScaleWorld world, String name, Path jar, List<String> extraJvm) {
        List<String> jvm = new ArrayList<>(jvmOptions(name));
        jvm.addAll(extraJvm);
        return guestGate(world, name, List.of("-jar", jar.toAbsolutePath().toString()), jvm);
    }

    /** GuestGate started with {@code launch}, pointed at {@code world}, behind its balancer, once ready. */
    private static AppProcess guestGate(
            io.guestgate.app.scale.ScaleWorld world, String name, List<String> launch, List<String> jvm) {
        int port = freePort();
        AppProcess app = start(
                name,
                launch,
                jvm,
                guestGateArguments(world, name, port),
                port,
                "/actuator/health/readiness",
                Duration.ofMinutes(3));
        world.balancer().backends(List.of(port));
        return app;
    }

    /**
     * A training run of the production jar: the application context is refreshed (every bean made, every class it
     * needs loaded) and the JVM exits, writing what {@code trainingJvm} asks for (a CDS archive on 17, an AOT cache on
     * 25). Returns the run's exit code.
     */
    static int train(io.guestgate.app.scale.ScaleWorld world, String name, Path jar, List<String> trainingJvm) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(PRODUCTION_JVM);
        command.addAll(trainingJvm);
        command.add("-Dspring.context.exit=onRefresh");
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        guestGateArguments(world, name, freePort()).forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = BenchReport.directory().resolve(name + ".log");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Process watchdog = ChildProcesses.watchdog(process);
            try {
                if (!process.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)) {
                    throw new IllegalStateException(name + " did not end within 3 minutes; see " + log);
                }
                return process.exitValue();
            } finally {
                ChildProcesses.stop(process, watchdog, Duration.ofSeconds(5));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The java command of this JVM: children run on the same runtime as the benchmark. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String testClassPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static Map<String, String> guestGateArguments(
            io.guestgate.app.scale.ScaleWorld world, String name, int port) {
        Map<String, String> arguments = new java.util.LinkedHashMap<>(world.applicationProperties(name));
        arguments.put("server.port", Integer.toString(port));
        // Readiness is polled on the application's port: one server, as before the management port of its own.
        arguments.put("management.server.port", Integer.toString(port));
        arguments.put("logging.level.root", "INFO");
        // -Dbench.app.properties=name=value,name=value: settings to try (e.g. observations off), for finding out
        // where the time goes; the published figures are taken without.
        for (String setting : System.getProperty("bench.app.properties", "").split(",")) {
            if (setting.contains("=")) {
                arguments.put(
                        setting.substring(0, setting.indexOf('=')).strip(),
                        setting.substring(setting.indexOf('=') + 1).strip());
            }
        }
        return arguments;
    }

    private static List<String> jvmOptions(String name) {
        List<String> jvm = new ArrayList<>(PRODUCTION_JVM);
        // -Dbench.app.jvm=-XX:+UseZGC,...: JVM options to try, for finding out what helps; published figures are
        // taken without.
        for (String option : System.getProperty("bench.app.jvm", "").split(",")) {
            if (!option.isBlank()) {
                jvm.add(option.strip());
            }
        }
        // Pauses of the JVM, to tell them apart from the application's own latency.
        jvm.add("-Xlog:gc:file=" + BenchReport.directory().toAbsolutePath().resolve(name + "-gc.log"));
        if (Boolean.getBoolean("bench.jfr")) {
            // -Dbench.jfr=true: a Java Flight Recording of GuestGate, to see where its time goes.
            jvm.add("-XX:StartFlightRecording=filename="
                    + BenchReport.directory().toAbsolutePath().resolve(name + ".jfr") + ",settings=profile");
        }
        return jvm;
    }

    /** The bare WebFlux endpoint of {@link BareEndpoint}, with the same JVM options. */
    static AppProcess bareEndpoint() {
        int port = freePort();
        return start(
                "bare-webflux",
                List.of("-cp", testClassPath(), BareEndpoint.class.getName()),
                PRODUCTION_JVM,
                Map.of("server.port", Integer.toString(port)),
                port,
                "/ready",
                Duration.ofMinutes(1));
    }

    static int freePort() {
        try (java.net.ServerSocket socket =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts {@code launch} ({@code -cp … Main} or {@code -jar …}) and waits until {@code readyPath} on {@code port}
     * answers 200.
     */
    static AppProcess start(
            String name,
            List<String> launch,
            List<String> jvmOptions,
            Map<String, String> arguments,
            int port,
            String readyPath,
            Duration timeout) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions);
        command.addAll(launch);
        arguments.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = BenchReport.directory().resolve(name + ".log");
        try {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            Process watchdog = ChildProcesses.watchdog(process);
            AppProcess app = new AppProcess(name, process, watchdog, log, port);
            app.awaitReady(readyPath, start, timeout);
            return app;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(String readyPath, long start, Duration timeout) {
        URI ready = URI.create("http://127.0.0.1:" + port + readyPath);
        try {
            await(name + " ready")
                    .atMost(timeout.minusNanos(System.nanoTime() - start))
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofMillis(25))
                    .until(() -> isReady(ready));
            timeToReady = Duration.ofNanos(System.nanoTime() - start);
        } catch (ConditionTimeoutException e) {
            close();
            throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log, e);
        }
    }

    private boolean isReady(URI ready) throws InterruptedException {
        if (!process.isAlive()) {
            throw new IllegalStateException(name + " exited while starting; see " + log);
        }
        try {
            return HTTP.send(
                                    HttpRequest.newBuilder(ready)
                                            .timeout(Duration.ofSeconds(2))
                                            .GET()
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** From starting the JVM to the first 200 of the readiness path. */
    Duration timeToReady() {
        return timeToReady;
    }

    /** What Spring Boot logged as its own startup time ("Started … in X seconds"), if it did. */
    Duration springStartup() {
        try {
            Matcher started = STARTED.matcher(Files.readString(log, StandardCharsets.UTF_8));
            return started.find() ? Duration.ofMillis((long) (Double.parseDouble(started.group(1)) * 1000)) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Resident memory (VmRSS) in MiB, as the kernel counts it now. */
    double residentMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS for " + name);
    }

    /** CPU time the process used so far, in seconds (user + system). */
    double cpuSeconds() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .map(d -> d.toMillis() / 1000.0)
                .orElse(Double.NaN);
    }

    @Override
    public void close() {
        ChildProcesses.stop(process, watchdog, Duration.ofSeconds(30));
    }

    /** For the benchmarks' own pace: an idle spell before a memory reading, a sampling interval. */
    static void sleep(long millis) {
        try {
            // Benchmark harness: a measured pause in the scenario (idle time, sampling), not a wait for anything.
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
