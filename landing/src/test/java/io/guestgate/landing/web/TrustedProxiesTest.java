package io.guestgate.landing.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.autoconfigure.NettyReactiveWebServerAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Import;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/**
 * Which address a request comes from: the socket's, unless the socket is a trusted proxy; then the right-most
 * address in the forwarded chain that is not a trusted proxy, since everything left of it was written by the client.
 */
class TrustedProxiesTest {

    private static final InetSocketAddress FROM_INGRESS = new InetSocketAddress("10.1.2.3", 51000);
    private static final InetSocketAddress FROM_THE_INTERNET = new InetSocketAddress("198.51.100.9", 51000);

    @Test
    void withoutTrustedProxiesEveryForwardedHeaderIsDroppedAndTheSocketCounts() {
        ServerHttpRequest seen = proxies(LandingProperties.ForwardedHeader.X_FORWARDED)
                .apply(request(FROM_INGRESS)
                        .header("X-Forwarded-For", "203.0.113.7")
                        .header("X-Forwarded-Proto", "https")
                        .header("X-Forwarded-Host", "evil.example")
                        .header("Forwarded", "for=203.0.113.8;host=evil.example")
                        .build());

        assertThat(address(seen)).isEqualTo("10.1.2.3");
        assertThat(seen.getURI().toString()).isEqualTo("http://guestgate.internal/join/x");
        assertThat(seen.getHeaders().headerNames())
                .noneMatch(name -> name.toLowerCase().contains("forwarded"));
    }

    @Test
    void anUntrustedPeerCannotClaimAnAddressEvenWhenProxiesAreConfigured() {
        ServerHttpRequest seen = proxies(LandingProperties.ForwardedHeader.X_FORWARDED, "10.0.0.0/8")
                .apply(request(FROM_THE_INTERNET)
                        .header("X-Forwarded-For", "203.0.113.7")
                        .header("X-Forwarded-Host", "evil.example")
                        .build());

        assertThat(address(seen)).isEqualTo("198.51.100.9");
        assertThat(seen.getURI().getHost()).isEqualTo("guestgate.internal");
    }

    @Test
    void behindTrustedProxiesTheRightMostUntrustedAddressIsTheClient() {
        TrustedProxies proxies = proxies(LandingProperties.ForwardedHeader.X_FORWARDED, "10.0.0.0/8", "192.0.2.10");

        assertThat(address(proxies.apply(request(FROM_INGRESS)
                        .header("X-Forwarded-For", "1.1.1.1, 203.0.113.7, 192.0.2.10")
                        .build())))
                .as("the client wrote 1.1.1.1; the outer proxy saw 203.0.113.7")
                .isEqualTo("203.0.113.7");
        assertThat(address(proxies.apply(request(FROM_INGRESS)
                        .header("X-Forwarded-For", "1.1.1.1")
                        .header("X-Forwarded-For", "203.0.113.7")
                        .build())))
                .as("several header lines are one list")
                .isEqualTo("203.0.113.7");
        assertThat(address(proxies.apply(request(FROM_INGRESS)
                        .header("X-Forwarded-For", "10.9.9.9, 192.0.2.10")
                        .build())))
                .as("only trusted hops: the farthest one")
                .isEqualTo("10.9.9.9");
        assertThat(address(proxies.apply(request(FROM_INGRESS).build())))
                .as("no header: the proxy itself")
                .isEqualTo("10.1.2.3");
    }

    @Test
    void portsAndIpv6AddressesAreRead() {
        TrustedProxies proxies = proxies(LandingProperties.ForwardedHeader.X_FORWARDED, "10.0.0.0/8", "fd00::/8");

        assertThat(address(proxies.apply(request(FROM_INGRESS)
                        .header("X-Forwarded-For", "203.0.113.7:4711")
                        .build())))
                .isEqualTo("203.0.113.7");
        assertThat(address(proxies.apply(request(FROM_INGRESS)
                        .header("X-Forwarded-For", "[2001:db8::17]:4711, fd00::1")
                        .build())))
                .isEqualTo("2001:db8:0:0:0:0:0:17");
        assertThat(address(proxies.apply(request(new InetSocketAddress("fd00::2", 443))
                        .header("X-Forwarded-For", "2001:db8::18")
                        .build())))
                .isEqualTo("2001:db8:0:0:0:0:0:18");
    }

    @Test
    void aHopThatIsNoAddressCountsAsTheProxyThatWroteIt() {
        TrustedProxies proxies = proxies(LandingProperties.ForwardedHeader.X_FORWARDED, "10.0.0.0/8");

        for (String chain : List.of(
                "203.0.113.7, unknown",
                "203.0.113.7, guestgate.example.com",
                "203.0.113.7, ",
                "203.0.113.7, 999.1.1.1")) {
            assertThat(address(proxies.apply(request(FROM_INGRESS)
                            .header("X-Forwarded-For", chain)
                            .build())))
                    .as(chain)
                    .isEqualTo("10.1.2.3");
        }
    }

    @Test
    void theSchemeAndHostAreWhatTheNearestTrustedProxySaid() {
        ServerHttpRequest seen = proxies(LandingProperties.ForwardedHeader.X_FORWARDED, "10.0.0.0/8")
                .apply(request(FROM_INGRESS)
                        .header("X-Forwarded-For", "203.0.113.7")
                        .header("X-Forwarded-Proto", "http, https")
                        .header("X-Forwarded-Host", "evil.example, guests.example.org")
                        .header("Forwarded", "for=1.2.3.4;proto=http;host=evil.example")
                        .build());

        assertThat(seen.getURI().toString()).isEqualTo("https://guests.example.org/join/x");
        assertThat(address(seen)).isEqualTo("203.0.113.7");
        assertThat(seen.getHeaders().headerNames())
                .noneMatch(name -> name.toLowerCase().contains("forwarded"));
    }

    @Test
    void proxiesThatWriteForwardedAreReadFromForwarded() {
        ServerHttpRequest seen = proxies(LandingProperties.ForwardedHeader.FORWARDED, "10.0.0.0/8")
                .apply(request(FROM_INGRESS)
                        .header(
                                "Forwarded",
                                "for=1.1.1.1, for=\"[2001:db8::7]:4711\";proto=https;host=guests.example.org")
                        .header("X-Forwarded-For", "198.18.0.1")
                        .header("X-Forwarded-Host", "evil.example")
                        .build());

        assertThat(address(seen)).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(seen.getURI().toString()).isEqualTo("https://guests.example.org/join/x");
        assertThat(address(proxies(LandingProperties.ForwardedHeader.FORWARDED, "10.0.0.0/8")
                        .apply(request(FROM_INGRESS)
                                .header("Forwarded", "for=203.0.113.7, for=_hidden")
                                .build())))
                .as("an obfuscated identifier is no address")
                .isEqualTo("10.1.2.3");
    }

    @Test
    void settingsThatAreNoAddressRangeAreRefused() {
        for (String notARange : List.of("example.com", "10.0.0.0/33", "fd00::/129", "10.0.0/8", "", "10.0.0.0/x")) {
            assertThatThrownBy(() -> LandingProperties.Cidr.valueOf(notARange))
                    .as(notARange)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("guestgate.landing.trusted-proxies");
        }
        assertThat(LandingProperties.Cidr.valueOf("192.0.2.77/24").toString()).isEqualTo("192.0.2.0/24");
        assertThat(LandingProperties.Cidr.valueOf("::1").toString()).isEqualTo("0:0:0:0:0:0:0:1/128");
    }

    @Test
    void nettysOwnForwardedHandlingIsRefusedBecauseItTrustsEveryClient() {
        ServerProperties nativeStrategy = new ServerProperties();
        nativeStrategy.setForwardHeadersStrategy(ServerProperties.ForwardHeadersStrategy.NATIVE);

        assertThatThrownBy(() -> new TrustedProxies(
                        new LandingProperties(List.of(), LandingProperties.ForwardedHeader.X_FORWARDED, null),
                        nativeStrategy))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("server.forward-headers-strategy")
                .hasMessageContaining("guestgate.landing.trusted-proxies");
    }

    @Test
    void nettysOwnForwardedHandlingIsRefusedWhereSpringBootRunsNetty() {
        new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(NettyReactiveWebServerAutoConfiguration.class))
                .withUserConfiguration(ProxiesOnly.class)
                .withPropertyValues("server.forward-headers-strategy=native")
                .run(context -> assertThat(context)
                        .hasFailed()
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("server.forward-headers-strategy=native"));
    }

    // Deliberately no @Configuration: LandingConfiguration's component scan would pick it up in other tests.
    @EnableConfigurationProperties(LandingProperties.class)
    @Import(TrustedProxies.class)
    static class ProxiesOnly {}

    private static TrustedProxies proxies(LandingProperties.ForwardedHeader header, String... trusted) {
        return new TrustedProxies(
                new LandingProperties(
                        Arrays.stream(trusted)
                                .map(LandingProperties.Cidr::valueOf)
                                .toList(),
                        header,
                        null),
                new ServerProperties());
    }

    private static MockServerHttpRequest.BaseBuilder<?> request(InetSocketAddress from) {
        return MockServerHttpRequest.get("http://guestgate.internal/join/x").remoteAddress(from);
    }

    private static String address(ServerHttpRequest request) {
        return request.getRemoteAddress().getAddress().getHostAddress();
    }
}
