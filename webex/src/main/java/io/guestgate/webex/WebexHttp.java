package io.guestgate.webex;

import io.guestgate.webex.oauth.AccessToken;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.http.codec.json.JacksonJsonDecoder;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The only code that speaks HTTP to Webex: builds URLs, sets the bearer token, maps errors to
 * {@link WebexApiException}, applies the {@link RetryPolicy} and follows {@code Link: rel="next"} pages.
 * It logs method, path and status only: never headers, query strings or bodies, which carry tokens,
 * codes, secrets and personal data.
 */
final class WebexHttp {

    private static final Logger log = LoggerFactory.getLogger(WebexClient.class);
    private static final int MAX_IN_MEMORY = 4 * 1024 * 1024;

    private final WebClient webClient;
    private final URI apiBaseUrl;
    private final RetryPolicy retryPolicy;

    /** A decoded 2xx answer; {@code body} is null for calls that expect none. */
    record Response<T>(T body, HttpHeaders headers) {}

    WebexHttp(WebexClientSettings settings, WebClient.Builder builder) {
        this.apiBaseUrl = settings.apiBaseUrl();
        this.retryPolicy = new RetryPolicy(
                settings.retry(), () -> ThreadLocalRandom.current().nextDouble());
        HttpClient httpClient = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                        settings.connectTimeout().toMillis())
                .responseTimeout(settings.responseTimeout());
        this.webClient = builder.clone()
                .clientConnector(new ReactorClientHttpConnector(httpClient))
                .codecs(codecs -> {
                    codecs.defaultCodecs().jacksonJsonEncoder(new JacksonJsonEncoder(WebexJson.MAPPER));
                    codecs.defaultCodecs().jacksonJsonDecoder(new JacksonJsonDecoder(WebexJson.MAPPER));
                    codecs.defaultCodecs().maxInMemorySize(MAX_IN_MEMORY);
                })
                .build();
    }

    URI apiBaseUrl() {
        return apiBaseUrl;
    }

    /**
     * {@code apiBaseUrl + path}, with path variables and query values strictly encoded. Query entries whose
     * value is null are left out.
     */
    URI uri(String pathTemplate, Map<String, ?> query, Object... pathVariables) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUri(apiBaseUrl).path(pathTemplate);
        Map<String, Object> variables = new LinkedHashMap<>();
        for (int i = 0; i < pathVariables.length; i++) {
            requireText(pathVariables[i], "path variable");
            variables.put("p" + i, pathVariables[i]);
        }
        int q = 0;
        for (Map.Entry<String, ?> entry : query.entrySet()) {
            if (entry.getValue() != null) {
                builder.queryParam(entry.getKey(), "{q" + q + "}");
                variables.put("q" + q++, entry.getValue());
            }
        }
        // Path templates name their variables {p0}, {p1}… so values can never be read as templates.
        return builder.encode().buildAndExpand(variables).toUri();
    }

    private static void requireText(Object value, String what) {
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException("A " + what + " must not be blank");
        }
    }

    <T> Mono<T> get(AccessToken token, URI uri, Class<T> type) {
        return call(HttpMethod.GET, uri, token, null, typeOf(type)).map(Response::body);
    }

    <T> Mono<T> sendJson(HttpMethod method, AccessToken token, URI uri, Object body, Class<T> type) {
        return call(method, uri, token, body, typeOf(type)).map(Response::body);
    }

    /**
     * Like {@link #sendJson}, for calls Webex may answer with a redirect instead of a body ({@code POST /meetings/join}
     * with {@code joinDirectly}): a 302 or 303 with a {@code Location} becomes {@code fromLocation(location)}.
     */
    <T> Mono<T> sendJsonOrRedirect(
            HttpMethod method, AccessToken token, URI uri, Object body, Class<T> type, Function<URI, T> fromLocation) {
        return call(method, uri, token, body, typeOf(type), fromLocation).map(Response::body);
    }

    private static <T> ParameterizedTypeReference<T> typeOf(Class<T> type) {
        return ParameterizedTypeReference.forType(type);
    }

    /** For calls Webex answers with 204 (DELETE, admit). */
    Mono<Void> sendExpectingNoContent(HttpMethod method, AccessToken token, URI uri, Object body) {
        return call(method, uri, token, body, null).then();
    }

    /** {@code POST} with an {@code application/x-www-form-urlencoded} body and no bearer token (OAuth). */
    <T> Mono<T> postForm(URI uri, MultiValueMap<String, String> form, Class<T> type) {
        return call(HttpMethod.POST, uri, null, form, typeOf(type)).map(Response::body);
    }

    /** Every item of a list endpoint, following {@code Link: <…>; rel="next"} until the last page. */
    <T> Flux<T> list(AccessToken token, URI firstPage, Class<T> elementType) {
        ParameterizedTypeReference<Items<T>> type = ParameterizedTypeReference.forType(
                ResolvableType.forClassWithGenerics(Items.class, elementType).getType());
        return Flux.defer(() -> {
            Set<URI> visited = new HashSet<>(Set.of(firstPage));
            return call(HttpMethod.GET, firstPage, token, null, type)
                    .expand(page -> LinkHeader.next(page.headers().getOrEmpty(HttpHeaders.LINK))
                            .map(next -> checkedNextPage(firstPage, next, visited))
                            .map(next -> call(HttpMethod.GET, next, token, null, type))
                            .orElse(Mono.empty()))
                    .concatMapIterable(page -> page.body().items());
        });
    }

    /** The bearer token goes with the next request, so the next page must be on Webex's own origin. */
    private URI checkedNextPage(URI current, URI next, Set<URI> visited) {
        URI resolved = current.resolve(next);
        boolean sameOrigin = apiBaseUrl.getScheme().equalsIgnoreCase(resolved.getScheme())
                && apiBaseUrl.getHost().equalsIgnoreCase(resolved.getHost())
                && port(apiBaseUrl) == port(resolved);
        if (!sameOrigin) {
            throw WebexApiException.ofInvalidResponse(
                    200,
                    "GET",
                    current.getPath(),
                    "next-page link points to another origin (" + resolved.getHost() + ")",
                    null,
                    null);
        }
        if (!visited.add(resolved)) {
            throw WebexApiException.ofInvalidResponse(
                    200, "GET", current.getPath(), "next-page links form a loop", null, null);
        }
        return resolved;
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private <T> Mono<Response<T>> call(
            HttpMethod method, URI uri, AccessToken token, Object body, ParameterizedTypeReference<T> type) {
        return call(method, uri, token, body, type, null);
    }

    private <T> Mono<Response<T>> call(
            HttpMethod method,
            URI uri,
            AccessToken token,
            Object body,
            ParameterizedTypeReference<T> type,
            Function<URI, T> fromLocation) {
        String path = uri.getRawPath();
        Mono<Response<T>> attempt = Mono.defer(() -> {
                    long started = System.nanoTime();
                    WebClient.RequestBodySpec request =
                            webClient.method(method).uri(uri).accept(MediaType.APPLICATION_JSON);
                    if (token != null) {
                        request.header(HttpHeaders.AUTHORIZATION, token.bearer());
                    }
                    WebClient.RequestHeadersSpec<?> ready = request;
                    if (body instanceof MultiValueMap<?, ?> form) {
                        @SuppressWarnings("unchecked")
                        MultiValueMap<String, String> formData = (MultiValueMap<String, String>) form;
                        ready = request.body(BodyInserters.fromFormData(formData));
                    } else if (body != null) {
                        ready = request.contentType(MediaType.APPLICATION_JSON).bodyValue(body);
                    }
                    return ready.exchangeToMono(response -> read(method, path, response, type, fromLocation, started));
                })
                .onErrorMap(
                        WebClientRequestException.class, failure -> WebexFailures.ofTransport(method, path, failure));
        return attempt.retryWhen(retryPolicy.forCall(method, path));
    }

    private <T> Mono<Response<T>> read(
            HttpMethod method,
            String path,
            ClientResponse response,
            ParameterizedTypeReference<T> type,
            Function<URI, T> fromLocation,
            long started) {
        int status = response.statusCode().value();
        HttpHeaders headers = response.headers().asHttpHeaders();
        log.debug("Webex {} {} -> {} ({} ms)", method, path, status, (System.nanoTime() - started) / 1_000_000);
        if (fromLocation != null && (status == 302 || status == 303)) {
            // The location is a credential (a join link): it goes to the caller, never into a log or an exception.
            URI location = headers.getLocation();
            if (location == null) {
                return response.releaseBody()
                        .then(Mono.error(WebexApiException.ofInvalidResponse(
                                status,
                                method.name(),
                                path,
                                "redirect without a Location",
                                WebexFailures.trackingIdHeader(headers),
                                null)));
            }
            return response.releaseBody().thenReturn(new Response<>(fromLocation.apply(location), headers));
        }
        if (!response.statusCode().is2xxSuccessful()) {
            return response.bodyToMono(String.class)
                    .defaultIfEmpty("")
                    .flatMap(text -> Mono.error(WebexFailures.ofResponse(method, path, status, headers, text)));
        }
        if (type == null) {
            return response.releaseBody().thenReturn(new Response<>(null, headers));
        }
        return response.bodyToMono(type)
                .map(decoded -> new Response<>(decoded, headers))
                .switchIfEmpty(Mono.error(() -> WebexApiException.ofInvalidResponse(
                        status,
                        method.name(),
                        path,
                        "empty response body",
                        WebexFailures.trackingIdHeader(headers),
                        null)))
                .onErrorMap(
                        failure -> !(failure instanceof WebexApiException),
                        failure -> WebexApiException.ofInvalidResponse(
                                status,
                                method.name(),
                                path,
                                "unreadable response body ("
                                        + failure.getClass().getSimpleName() + ")",
                                WebexFailures.trackingIdHeader(headers),
                                failure));
    }
}
