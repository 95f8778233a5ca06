package io.guestgate.emulator.support;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Webex-style paging: {@code max} limits a page and an RFC 5988 {@code Link: <…>; rel="next"} header points at the
 * next one with an opaque {@code cursor}, as Webex's own Link headers do.
 */
public final class Paging {

    private Paging() {}

    public record Page<T>(List<T> items, Optional<String> nextLink) {
        public Page {
            items = List.copyOf(items);
        }

        public HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            nextLink.ifPresent(link -> headers.set(HttpHeaders.LINK, "<" + link + ">; rel=\"next\""));
            return headers;
        }
    }

    public static <T> Page<T> page(List<T> all, ServerHttpRequest request, int defaultMax, int upperMax) {
        int max = parseMax(request.getQueryParams().getFirst("max"), defaultMax, upperMax);
        int offset = decodeCursor(request.getQueryParams().getFirst("cursor"));
        int from = Math.min(offset, all.size());
        int to = Math.min(from + max, all.size());
        Optional<String> next = Optional.empty();
        if (to < all.size()) {
            next = Optional.of(UriComponentsBuilder.fromUri(request.getURI())
                    .replaceQueryParam("cursor", encodeCursor(to))
                    .replaceQueryParam("max", max)
                    .build(true)
                    .toUriString());
        }
        return new Page<>(all.subList(from, to), next);
    }

    private static int parseMax(String value, int defaultMax, int upperMax) {
        if (value == null) {
            return defaultMax;
        }
        try {
            int max = Integer.parseInt(value);
            if (max < 1 || max > upperMax) {
                throw ApiException.badRequest("max must be between 1 and " + upperMax + ".");
            }
            return max;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("max must be a number.");
        }
    }

    private static String encodeCursor(int offset) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decodeCursor(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!raw.startsWith("offset:")) {
                throw ApiException.badRequest("Invalid cursor.");
            }
            return Math.max(0, Integer.parseInt(raw.substring("offset:".length())));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("Invalid cursor.");
        }
    }
}
