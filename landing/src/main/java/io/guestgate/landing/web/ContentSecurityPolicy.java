package io.guestgate.landing.web;

import java.net.URI;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The landing's Content Security Policy: this site, plus the hosts the Webex Meetings widget talks to (REST and
 * websockets on Webex's domains, media as blobs), plus the identity provider as a form target (the verify button
 * posts here and is redirected there, and browsers check form-action along redirects).
 */
final class ContentSecurityPolicy {

    /** Webex's own domains: the widget's REST calls, its websocket (Mercury), avatars and media. */
    static final String[] WEBEX_HOSTS = {"*.webex.com", "*.wbx2.com", "*.ciscospark.com", "*.webexcontent.com"};

    private ContentSecurityPolicy() {}

    static String build(URI identityProviderAuthorizationUri) {
        String https = hosts("https://");
        String wss = hosts("wss://");
        String idp = origin(identityProviderAuthorizationUri);
        return String.join(
                "; ",
                "default-src 'self'",
                // The widget's bundle may compile WebAssembly (media effects); no inline or eval'd script.
                "script-src 'self' 'wasm-unsafe-eval'",
                // The widget's components set style attributes at run time.
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: blob: " + https,
                "media-src 'self' blob: mediastream: " + https,
                "connect-src 'self' " + https + " " + wss,
                "font-src 'self' data: " + https,
                "worker-src 'self' blob:",
                "frame-src 'none'",
                "object-src 'none'",
                "base-uri 'none'",
                "frame-ancestors 'none'",
                "form-action 'self'" + (idp.isEmpty() ? "" : " " + idp));
    }

    private static String hosts(String scheme) {
        return Stream.of(WEBEX_HOSTS).map(host -> scheme + host).collect(Collectors.joining(" "));
    }

    private static String origin(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return "";
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }
}
