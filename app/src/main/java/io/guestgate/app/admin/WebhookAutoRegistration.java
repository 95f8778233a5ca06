package io.guestgate.app.admin;

import io.guestgate.platform.webex.WebhookRegistrar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** {@code guestgate.webex.webhooks.auto-register=true}: registers the bot's webhooks once the app is ready. */
@Component
@ConditionalOnBooleanProperty("guestgate.webex.webhooks.auto-register")
class WebhookAutoRegistration {

    private static final Logger log = LoggerFactory.getLogger(WebhookAutoRegistration.class);

    private final WebhookRegistrar registrar;

    WebhookAutoRegistration(WebhookRegistrar registrar) {
        this.registrar = registrar;
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        registrar
                .register()
                .doOnNext(actions -> actions.forEach(action -> log.info("Webhook {}", action)))
                .doOnError(e -> log.error("Could not register the bot's webhooks: {}", e.toString()))
                .onErrorComplete()
                .subscribe();
    }
}
