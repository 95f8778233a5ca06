package io.guestgate.sandbox;

import static org.springframework.web.reactive.function.server.RouterFunctions.route;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.HandlerFilterFunction;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The sandbox's pages and their JSON API, all under {@code /sandbox}, present only with the profile {@code sandbox}.
 * The pages are static HTML with a script each; they load data from the API and render it as text, never as HTML.
 */
@Configuration(proxyBeanMethods = false)
@Profile(SandboxRunListener.PROFILE)
class SandboxRoutes {

    /** Scripts and styles come from this application only; the pages embed nothing from elsewhere. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Bean
    RouterFunction<ServerResponse> sandboxRouter(
            ConsoleHandler console, MailboxHandler mailbox, SandboxLobby lobby, SandboxWorld world) {
        return route()
                // The application has no page of its own at its root; in the sandbox the console is where to start.
                .GET(
                        "/",
                        request -> ServerResponse.seeOther(URI.create("/sandbox/console"))
                                .build())
                .GET(
                        "/sandbox",
                        request -> ServerResponse.seeOther(URI.create("/sandbox/console"))
                                .build())
                .GET("/sandbox/console", request -> page("console.html"))
                .GET("/sandbox/mailbox", request -> page("mailbox.html"))
                // Functional routes answer HEAD only when told to (annotated controllers do it by themselves).
                .HEAD("/sandbox/console", request -> page("console.html"))
                .HEAD("/sandbox/mailbox", request -> page("mailbox.html"))
                .resources("/sandbox/assets/**", new ClassPathResource("sandbox/assets/"))
                .GET("/sandbox/api/console", console::state)
                .POST("/sandbox/api/console/messages", console::send)
                .POST("/sandbox/api/console/actions", console::submit)
                .GET("/sandbox/api/mails", mailbox::list)
                .GET("/sandbox/api/lobby", lobby::lobby)
                .POST("/sandbox/api/knock", lobby::knock)
                .POST("/sandbox/meeting/join", lobby::join)
                .filter(sameOriginWrites(world))
                .filter(headers())
                .build();
    }

    private static Mono<ServerResponse> page(String name) {
        return ServerResponse.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .bodyValue(new ClassPathResource("sandbox/" + name));
    }

    /**
     * The console acts with the organizer's token, so another site must not be able to make a browser post to it:
     * writes need a JSON body (which a plain cross-site form cannot send) and, when the browser names an origin, this
     * application's.
     */
    private static HandlerFilterFunction<ServerResponse, ServerResponse> sameOriginWrites(SandboxWorld world) {
        return (request, next) -> {
            if (request.method() != HttpMethod.POST) {
                return next.handle(request);
            }
            boolean json = request.headers()
                    .contentType()
                    .map(MediaType.APPLICATION_JSON::isCompatibleWith)
                    .orElse(false);
            if (!json) {
                return ServerResponse.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).bodyValue(Map.of("error", "json-only"));
            }
            String origin = request.headers().firstHeader(HttpHeaders.ORIGIN);
            if (origin != null && !isOwnOrigin(origin, request, world)) {
                return ServerResponse.status(HttpStatus.FORBIDDEN).bodyValue(Map.of("error", "origin"));
            }
            return next.handle(request);
        };
    }

    private static boolean isOwnOrigin(String origin, ServerRequest request, SandboxWorld world) {
        String self = request.uri().getScheme() + "://" + request.uri().getAuthority();
        return origin.equals(world.publicBaseUrl()) || origin.equals(self);
    }

    /** Set on the exchange before the handler runs: a built ServerResponse's headers are read-only. */
    private static HandlerFilterFunction<ServerResponse, ServerResponse> headers() {
        return (request, next) -> {
            HttpHeaders headers = request.exchange().getResponse().getHeaders();
            headers.set("Content-Security-Policy", CSP);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("X-Frame-Options", "DENY");
            headers.setCacheControl(CacheControl.noStore());
            return next.handle(request);
        };
    }
}
