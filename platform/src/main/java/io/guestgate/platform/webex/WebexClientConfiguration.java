package io.guestgate.platform.webex;

import io.guestgate.platform.metrics.GuestgateMetrics;
import io.guestgate.webex.WebexClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/** The one Webex client of the application, built from {@code guestgate.webex.*}. Public for the admin commands. */
@Configuration(proxyBeanMethods = false)
public class WebexClientConfiguration {

    @Bean
    WebexClient webexClient(
            WebexProperties properties,
            ObjectProvider<WebClient.Builder> builders,
            ObjectProvider<GuestgateMetrics> metrics) {
        // Boot's builder carries its codecs and observation setup; a plain one does where no web stack is configured.
        WebClient.Builder builder = builders.getIfAvailable(WebClient::builder).clone();
        metrics.ifAvailable(m -> builder.filter(new WebexCallMetrics(m)));
        return WebexClient.create(properties.clientSettings(), builder);
    }
}
