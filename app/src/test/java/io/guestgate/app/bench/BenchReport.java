package io.guestgate.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Where benchmark figures go: printed, written to {@code app/target/benchmarks/<section>.md}, and put into
 * {@code docs/benchmarks.md} between the markers {@code <!-- bench:<section> -->} and {@code <!-- /bench:<section> -->}
 * (the rest of that file is left as it is).
 */
final class BenchReport {

    private BenchReport() {}

    static Path directory() {
        Path dir = Path.of("target", "benchmarks");
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The markdown lines naming the machine and how busy it was. */
    static String machine(double loadBefore, double loadAfter) {
        return String.format(
                Locale.ROOT,
                "Machine: %d cores, %.0f GiB RAM, %s %s, %s. Load average (1 min) %.1f before, "
                        + "%.1f after (the benchmark's own processes count too). Measured %s.",
                Runtime.getRuntime().availableProcessors(),
                memTotalGiB(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                redisVersion(),
                loadBefore,
                loadAfter,
                LocalDate.now());
    }

    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    static void publish(String section, String markdown) {
        System.out.println("\n==== benchmark " + section + " ====\n" + markdown + "\n");
        try {
            Path fragment = directory().resolve(section + ".md");
            Files.writeString(fragment, markdown, StandardCharsets.UTF_8);
            System.out.println("Written to " + fragment.toAbsolutePath());
            Path docs = Path.of("..", "docs", "benchmarks.md");
            if (!Files.exists(docs)) {
                return;
            }
            String text = Files.readString(docs, StandardCharsets.UTF_8);
            String open = "<!-- bench:" + section + " -->";
            String close = "<!-- /bench:" + section + " -->";
            int from = text.indexOf(open);
            int to = text.indexOf(close);
            if (from < 0 || to < from) {
                System.out.println("docs/benchmarks.md has no " + open + " section; copy the figures from above");
                return;
            }
            String updated =
                    text.substring(0, from + open.length()) + "\n" + markdown.strip() + "\n" + text.substring(to);
            Files.writeString(docs, updated, StandardCharsets.UTF_8);
            System.out.println("Updated " + docs.toAbsolutePath().normalize() + " (" + open + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f ms" : "%.1f ms", millis);
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f/s", perSecond);
    }

    private static double memTotalGiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0;
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return Double.NaN;
    }

    private static String redisVersion() {
        try {
            Process version = new ProcessBuilder("redis-server", "--version")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            version.waitFor();
            return out.contains("v=") ? "Redis " + out.replaceAll("(?s).*v=(\\S+).*", "$1") : "Redis";
        } catch (IOException e) {
            return "Redis";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Redis";
        }
    }
}
