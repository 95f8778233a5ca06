package io.guestgate.landing.web;

import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.adapter.ForwardedHeaderTransformer;

/**
 * Reads forwarded headers only from the proxies in {@code guestgate.landing.trusted-proxies}. Such a proxy appends
 * the address it saw to {@code X-Forwarded-For} (or {@code Forwarded}); everything left of that was written by
 * whoever connected to it. So the client is the right-most address in the chain that is not a trusted proxy, and
 * the scheme and host are the trusted proxy's. A request from any other peer has its forwarded headers removed
 * unread, and its socket address counts.
 * <p>
 * Spring's own {@code ForwardedHeaderTransformer} believes the left-most address of every request, and Reactor
 * Netty's ({@code server.forward-headers-strategy=native}, which Spring Boot also switches on by itself on
 * Kubernetes) does the same. As the bean named {@code forwardedHeaderTransformer} this class takes the place of the
 * first, and it switches the second off. Rate limits per address depend on it.
 */
@Component("forwardedHeaderTransformer")
class TrustedProxies extends ForwardedHeaderTransformer
        implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory>, Ordered {

    private static final List<String> X_FORWARDED = List.of(
            "X-Forwarded-For",
            "X-Forwarded-Host",
            "X-Forwarded-Port",
            "X-Forwarded-Proto",
            "X-Forwarded-Prefix",
            "X-Forwarded-Ssl");
    private static final String FORWARDED = "Forwarded";

    private final LandingProperties properties;
    private final ForwardedHeaderTransformer removeOnly = new ForwardedHeaderTransformer();

    /** Spring Boot's {@code server.*} settings are there whenever it runs a web server. */
    @Autowired
    TrustedProxies(LandingProperties properties, ObjectProvider<ServerProperties> server) {
        this(properties, server.getIfAvailable());
    }

    TrustedProxies(LandingProperties properties, ServerProperties server) {
        this.properties = properties;
        this.removeOnly.setRemoveOnly(true);
        if (server != null && server.getForwardHeadersStrategy() == ServerProperties.ForwardHeadersStrategy.NATIVE) {
            throw new IllegalStateException("server.forward-headers-strategy=native lets Reactor Netty believe the "
                    + "X-Forwarded-For any client writes. Remove it (or set it to none) and list the proxies in front "
                    + "of GuestGate in guestgate.landing.trusted-proxies");
        }
    }

    @Override
    public ServerHttpRequest apply(ServerHttpRequest request) {
        if (!hasForwardedHeaders(request)) {
            return request;
        }
        InetSocketAddress peer = request.getRemoteAddress();
        if (peer == null || peer.getAddress() == null || !properties.trusts(peer.getAddress())) {
            return removeOnly.apply(request);
        }
        boolean rfc7239 = properties.forwardedHeader() == LandingProperties.ForwardedHeader.FORWARDED;
        List<String> elements = rfc7239 ? forwardedElements(request.getHeaders()) : List.of();
        List<String> chain = rfc7239
                ? elements.stream().map(TrustedProxies::forValue).toList()
                : xForwardedFor(request.getHeaders());
        Hop client = client(chain, peer.getAddress());
        // Spring reads the scheme, host and port from the left-most values, which a client may have written: hand it
        // only what the trusted proxies said about the client's hop.
        ServerHttpRequest trustedOnly = request.mutate()
                .headers(headers -> {
                    if (rfc7239) {
                        X_FORWARDED.forEach(headers::remove);
                        headers.remove(FORWARDED);
                        if (client.index() >= 0) {
                            headers.set(FORWARDED, elements.get(client.index()));
                        }
                    } else {
                        headers.remove(FORWARDED);
                        headers.remove("X-Forwarded-For");
                        X_FORWARDED.forEach(name -> rightMost(headers, name));
                    }
                })
                .build();
        return super.apply(trustedOnly)
                .mutate()
                .remoteAddress(new InetSocketAddress(client.address(), 0))
                .build();
    }

    /** Netty's forwarded-header handling would rewrite the socket address before this class sees it. */
    @Override
    public void customize(NettyReactiveWebServerFactory factory) {
        factory.setUseForwardHeaders(false);
    }

    /** After Spring Boot's own customizer, which may have switched Netty's handling on. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /**
     * Walks the chain from the right, from the trusted peer outwards. A hop that is no IP address (e.g.
     * {@code unknown}, a host name, an obfuscated identifier) ends the walk at the trusted proxy that wrote it.
     */
    private Hop client(List<String> chain, InetAddress peer) {
        Hop current = new Hop(peer, -1);
        for (int i = chain.size() - 1; i >= 0 && properties.trusts(current.address()); i--) {
            InetAddress hop = literal(chain.get(i));
            if (hop == null) {
                return current;
            }
            current = new Hop(hop, i);
        }
        return current;
    }

    /** The client's address, and where in the chain it stands ({@code -1}: the socket's peer itself). */
    private record Hop(InetAddress address, int index) {}

    /** Keeps the value the nearest proxy added: the last of a comma-separated list. */
    private static void rightMost(HttpHeaders headers, String name) {
        List<String> lines = headers.getOrEmpty(name);
        if (lines.isEmpty()) {
            return;
        }
        String[] values = lines.get(lines.size() - 1).split(",", -1);
        headers.set(name, values[values.length - 1].strip());
    }

    private static List<String> xForwardedFor(HttpHeaders headers) {
        List<String> chain = new ArrayList<>();
        for (String line : headers.getOrEmpty("X-Forwarded-For")) {
            for (String hop : line.split(",", -1)) {
                chain.add(hop.strip());
            }
        }
        return chain;
    }

    /** The elements of {@code Forwarded}, one per hop, in order. */
    private static List<String> forwardedElements(HttpHeaders headers) {
        List<String> elements = new ArrayList<>();
        for (String line : headers.getOrEmpty(FORWARDED)) {
            elements.addAll(splitOutsideQuotes(line, ','));
        }
        return elements;
    }

    /** An element's {@code for=}, or "" when it has none (an unknown hop). */
    private static String forValue(String element) {
        String value = "";
        for (String pair : splitOutsideQuotes(element, ';')) {
            int equals = pair.indexOf('=');
            if (equals > 0
                    && pair.substring(0, equals)
                            .strip()
                            .toLowerCase(Locale.ROOT)
                            .equals("for")) {
                value = unquote(pair.substring(equals + 1).strip());
            }
        }
        return value;
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }

    /** An IP address with or without a port ({@code 203.0.113.7:4711}, {@code [2001:db8::1]:4711}); never DNS. */
    private static InetAddress literal(String hop) {
        String address = hop.strip();
        if (address.startsWith("[")) {
            int end = address.indexOf(']');
            address = end < 0 ? "" : address.substring(1, end);
        } else if (address.indexOf(':') > 0 && address.indexOf(':') == address.lastIndexOf(':')) {
            address = address.substring(0, address.indexOf(':'));
        }
        if (!NetUtil.isValidIpV4Address(address) && !NetUtil.isValidIpV6Address(address)) {
            return null;
        }
        return NetUtil.createInetAddressFromIpAddressString(address);
    }
}
