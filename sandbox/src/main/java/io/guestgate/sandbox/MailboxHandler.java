package io.guestgate.sandbox;

import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** {@code GET /sandbox/api/mails}: every mail GreenMail received, newest first. */
@Component
@Profile(SandboxRunListener.PROFILE)
class MailboxHandler {

    private static final Log log = LogFactory.getLog(MailboxHandler.class);

    private final SandboxMail mail;

    MailboxHandler(SandboxWorld world) {
        this.mail = world.mail();
    }

    Mono<ServerResponse> list(ServerRequest request) {
        // Reading MIME parts is blocking I/O on GreenMail's store.
        return Mono.fromCallable(this::mails)
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(mails -> ServerResponse.ok().bodyValue(Map.of("mails", mails)));
    }

    List<MailView> mails() {
        List<MimeMessage> messages = mail.newestFirst();
        List<MailView> views = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            try {
                views.add(MailView.of(messages.size() - i, messages.get(i)));
            } catch (Exception e) {
                log.warn("Mail " + (messages.size() - i) + " could not be read: " + e.getMessage());
            }
        }
        return views;
    }
}
