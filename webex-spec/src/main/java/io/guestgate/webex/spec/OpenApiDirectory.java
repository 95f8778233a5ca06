package io.guestgate.webex.spec;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds Cisco's Webex OpenAPI specs on disk. This is the one place that knows where they live, so every
 * module's tests agree: system property {@value #PROPERTY} (Maven's surefire sets it), otherwise the first
 * {@code shared/webex-openapi} found walking up from the working directory (the checkout sits beside
 * {@code shared/}).
 */
public final class OpenApiDirectory {

    /** System property naming the directory that holds {@code webex-*.json}. */
    public static final String PROPERTY = "guestgate.openapi.dir";

    private static final String MARKER = "webex-meeting.json";

    private OpenApiDirectory() {}

    /** The spec directory; fails with a message naming the property when none is found. */
    public static Path locate() {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isRegularFile(dir.resolve(MARKER))) {
                throw new IllegalStateException(
                        "System property " + PROPERTY + " points at " + dir + ", which holds no " + MARKER);
            }
            return dir;
        }
        Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("webex-openapi");
            if (Files.isRegularFile(candidate.resolve(MARKER))) {
                return candidate;
            }
        }
        throw new IllegalStateException("Webex OpenAPI specs not found: set system property " + PROPERTY
                + " or run from inside a checkout that sits beside shared/webex-openapi (searched up from "
                + start + ")");
    }
}
