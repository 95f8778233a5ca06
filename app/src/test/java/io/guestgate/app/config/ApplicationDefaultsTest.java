package io.guestgate.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** What the packaged application.yml sets for every deployment, whatever the deploy files add. */
class ApplicationDefaultsTest {

    @Test
    void healthAndMetricsHaveAManagementPortOfTheirOwn() throws IOException {
        List<PropertySource<?>> sources =
                new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"));

        assertThat(sources).isNotEmpty();
        assertThat(sources.get(0).getProperty("management.server.port")).isEqualTo(8081);
        assertThat(String.valueOf(sources.get(0).getProperty("server.port"))).isNotEqualTo("8081");
    }
}
