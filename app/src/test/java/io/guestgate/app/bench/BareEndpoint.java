package io.guestgate.app.bench;

import java.time.Duration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.config.EnableWebFlux;
import org.springframework.web.server.adapter.WebHttpHandlerBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * The ceiling for the webhook intake benchmark: WebFlux on Reactor Netty (the stack GuestGate runs on) with one
 * annotated endpoint at the webhook's path that reads the body and answers 200, and nothing else (no Spring Boot, no
 * security, no Redis). {@code GET /ready} answers 200 once it listens. Arguments: {@code --server.port=<port>}.
 */
public final class BareEndpoint {

    /** GuestGate's component scan covers this package too (on the test class path); the profile keeps it out. */
    static final String PROFILE = "bare-endpoint";

    private BareEndpoint() {}

    public static void main(String[] args) {
        int port = 0;
        for (String arg : args) {
            if (arg.startsWith("--server.port=")) {
                port = Integer.parseInt(arg.substring("--server.port=".length()));
            }
        }
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.getEnvironment().setActiveProfiles(PROFILE);
        context.register(Web.class);
        context.refresh();
        ReactorHttpHandlerAdapter adapter = new ReactorHttpHandlerAdapter(
                WebHttpHandlerBuilder.applicationContext(context).build());
        DisposableServer server =
                HttpServer.create().host("127.0.0.1").port(port).handle(adapter).bindNow();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.disposeNow(Duration.ofSeconds(5));
            context.close();
        }));
        server.onDispose().block();
    }

    @Configuration(proxyBeanMethods = false)
    @Profile(PROFILE)
    @EnableWebFlux
    static class Web {

        @Bean
        Endpoint endpoint() {
            return new Endpoint();
        }
    }

    @RestController
    @Profile(PROFILE)
    static class Endpoint {

        @PostMapping("/webhooks/webex")
        Mono<ResponseEntity<Void>> receive(ServerHttpRequest request) {
            return DataBufferUtils.join(request.getBody())
                    .doOnNext(DataBufferUtils::release)
                    .then(Mono.just(ResponseEntity.ok().build()));
        }

        @GetMapping("/ready")
        ResponseEntity<Void> ready() {
            return ResponseEntity.ok().build();
        }
    }
}
