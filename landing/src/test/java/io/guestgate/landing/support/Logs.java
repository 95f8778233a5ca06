package io.guestgate.landing.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.test.system.CapturedOutput;

/** Checks that what the application logged during a test never shows a token or a secret. */
public final class Logs {

    private Logs() {}

    /** @param seen tokens, codes and links the test saw (nulls are skipped), on top of the configured secrets */
    public static void assertNoSecrets(CapturedOutput output, String... seen) {
        List<String> forbidden = new ArrayList<>(TestWorld.secrets());
        for (String value : seen) {
            if (value != null && value.length() >= 8) {
                forbidden.add(value);
            }
        }
        String all = output.getAll();
        assertThat(all).as("the test produced log output to check").isNotNull();
        for (String value : forbidden) {
            assertThat(all.contains(Objects.requireNonNull(value)))
                    .as(
                            "logs contain a token or secret (%d characters, starting %s…)",
                            value.length(), value.substring(0, 3))
                    .isFalse();
        }
    }
}
