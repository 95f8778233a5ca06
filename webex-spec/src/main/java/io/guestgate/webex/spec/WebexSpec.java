package io.guestgate.webex.spec;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.ValidationConfiguration;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Cisco's three Webex specs. Each loads once, on first use, and is then shared by every test in the JVM:
 * a cold load costs about a second and the validators are thread-safe.
 */
public enum WebexSpec {

    /** Listed first: /people/me and /webhooks are declared by messaging and meeting alike, either will do. */
    MESSAGING("webex-messaging.json"),
    MEETING("webex-meeting.json"),
    ADMIN("webex-admin.json");

    /** Every path in the specs sits below this prefix, which the specs themselves never declare. */
    public static final String BASE_PATH = "/v1";

    /**
     * The meeting validator's schema cache holds a copy of all components per entry; the default of 100
     * entries grows it to about 350 MB.
     */
    private static final int SCHEMA_CACHE_SIZE = 20;

    private final String fileName;
    private volatile Loaded loaded;

    WebexSpec(String fileName) {
        this.fileName = fileName;
    }

    public String fileName() {
        return fileName;
    }

    record Loaded(OpenApiInteractionValidator validator, OperationIndex index) {}

    Loaded loaded() {
        Loaded result = loaded;
        if (result == null) {
            synchronized (this) {
                result = loaded;
                if (result == null) {
                    result = load();
                    loaded = result;
                }
            }
        }
        return result;
    }

    private Loaded load() {
        Path file = OpenApiDirectory.locate().resolve(fileName);
        ObjectNode root;
        try {
            root = (ObjectNode) new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Webex spec " + file, e);
        }
        SpecFixes.apply(this, root);
        OperationIndex index = new OperationIndex(root);
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(
                        root.toString())
                .withBasePathOverride(BASE_PATH)
                .withLevelResolver(levels())
                .withSchemaValidationConfiguration(new ValidationConfiguration().setMaxCacheSize(SCHEMA_CACHE_SIZE))
                .build();
        return new Loaded(validator, index);
    }

    /**
     * Requests stay strict (this also turns unknown query parameters into errors, which catches typos).
     * Responses tolerate the fields Cisco's own examples carry without declaring them, and the error
     * statuses the specs declare without a body.
     */
    private static LevelResolver levels() {
        return LevelResolver.create()
                .withDefaultLevel(ValidationReport.Level.ERROR)
                .withLevel("validation.response.body.schema.additionalProperties", ValidationReport.Level.WARN)
                .withLevel("validation.response.body.unexpected", ValidationReport.Level.WARN)
                .build();
    }
}
