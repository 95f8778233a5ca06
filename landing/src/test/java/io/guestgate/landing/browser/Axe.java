package io.guestgate.landing.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * axe-core (the npm package, from its WebJar) run inside the page. Every violation is printed, whatever its impact,
 * so the run's output shows the minor ones too; a test fails only on serious and critical ones.
 */
final class Axe {

    private static final String WEBJAR = "META-INF/resources/webjars/axe-core/";
    static final String VERSION = version();
    private static final String SCRIPT = read(WEBJAR + VERSION + "/axe.min.js");

    /** One rule the page breaks, on these elements (CSS selectors). */
    record Violation(String rule, String impact, String help, List<String> targets) {

        boolean isSeriousOrCritical() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return impact + " " + rule + " (" + help + ") on " + targets;
        }
    }

    private Axe() {}

    /** Checks the page as it is now (wait for its final state first) with axe's default rules. */
    static List<Violation> run(Page page) {
        // Evaluated through the DevTools protocol rather than added as an inline <script>: the landing's CSP rightly
        // refuses inline scripts, and the test must not switch the CSP off to look at the page.
        page.evaluate(SCRIPT);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> found = (List<Map<String, Object>>) page.evaluate("""
                async () => {
                  const results = await axe.run(document, {resultTypes: ['violations']});
                  return results.violations.map(v => ({
                    rule: v.id, impact: v.impact ?? 'unknown', help: v.help,
                    targets: v.nodes.map(n => n.target.join(' '))}));
                }""");
        @SuppressWarnings("unchecked")
        List<Violation> violations = found.stream()
                .map(v -> new Violation(
                        (String) v.get("rule"), (String) v.get("impact"), (String) v.get("help"), (List<String>)
                                v.get("targets")))
                .toList();
        return violations;
    }

    /** Prints every violation on the page and fails on serious or critical ones. */
    static void assertNoSeriousOrCriticalViolations(Page page, String pageName) {
        assertNoSeriousOrCriticalViolations(page, pageName, null, null);
    }

    /**
     * Like {@link #assertNoSeriousOrCriticalViolations(Page, String)}, but a page may break {@code acceptedRule} on
     * purpose, for the reason given, which the run prints. Every other rule still fails the test.
     */
    static void assertNoSeriousOrCriticalViolations(Page page, String pageName, String acceptedRule, String why) {
        List<Violation> violations = run(page);
        System.out.println(
                "axe-core " + VERSION + " on " + pageName + " (" + page.url().replaceAll("/join/[^/]+", "/join/{token}")
                        + "): " + (violations.isEmpty() ? "no violations" : violations.size() + " violation(s)"));
        violations.forEach(v ->
                System.out.println("  axe: " + v + (v.rule().equals(acceptedRule) ? " (accepted: " + why + ")" : "")));
        assertThat(violations)
                .as("serious or critical accessibility violations on the %s", pageName)
                .filteredOn(Violation::isSeriousOrCritical)
                .filteredOn(v -> !v.rule().equals(acceptedRule))
                .isEmpty();
    }

    private static String version() {
        Properties pom = new Properties();
        try (InputStream in = resource("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static String read(String name) {
        try (InputStream in = resource(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = Axe.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new AssertionError(name + " is not on the test classpath: landing/pom.xml names the axe-core WebJar "
                    + "(org.webjars.npm:axe-core) as a test dependency");
        }
        return in;
    }
}
