package io.guestgate.landing.support;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stand-ins for the routes other modules serve in the application (the bot's webhook, account linking, actuator),
 * so tests can show the landing's security leaves them alone: no login, no CSRF token.
 */
@RestController
class OtherEndpoints {

    @PostMapping("/webhooks/webex")
    String webhook(@RequestBody(required = false) String body) {
        return "webhook:" + (body == null ? 0 : body.length());
    }

    @GetMapping("/oauth/webex/start")
    String linkStart() {
        return "link-start";
    }

    @GetMapping("/actuator/health")
    String health() {
        return "{\"status\":\"UP\"}";
    }
}
