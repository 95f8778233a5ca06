package io.guestgate.landing.web;

import io.guestgate.platform.settings.InvalidPropertiesException;
import io.guestgate.platform.settings.Violations;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The guest pages' web settings ({@code guestgate.landing.*}): the reverse proxies in front of GuestGate, whose
 * forwarded headers say who the client is, and the Content-Security-Policy.
 *
 * @param trustedProxies        address ranges (CIDR, or single addresses) of the proxies that connect to GuestGate
 *                              and append to the forwarded headers. Empty (the default): no proxy is trusted, and the
 *                              socket's address is the client's.
 * @param forwardedHeader       which headers those proxies write: {@code x-forwarded} ({@code X-Forwarded-For},
 *                              {@code -Proto}, {@code -Host}, {@code -Port}, {@code -Prefix}; the default) or
 *                              {@code forwarded} (RFC 7239). The other kind is dropped unread: a client could have
 *                              written all of it.
 * @param contentSecurityPolicy replaces the built-in policy when set (e.g. when Webex moves the widget's hosts); the
 *                              built-in one allows this site and Webex's own hosts only
 */
@ConfigurationProperties("guestgate.landing")
public record LandingProperties(
        @DefaultValue List<Cidr> trustedProxies,
        @DefaultValue("x-forwarded") ForwardedHeader forwardedHeader,
        String contentSecurityPolicy) {

    public LandingProperties {
        trustedProxies = trustedProxies == null ? List.of() : List.copyOf(trustedProxies);
        if (contentSecurityPolicy != null
                && (contentSecurityPolicy.isBlank()
                        || contentSecurityPolicy.chars().anyMatch(Character::isISOControl))) {
            contentSecurityPolicy = null;
        }
        new Violations()
                .require(
                        forwardedHeader != null,
                        "guestgate.landing.forwarded-header",
                        "must be x-forwarded or forwarded")
                .throwIfAny();
    }

    public boolean trusts(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    public enum ForwardedHeader {
        X_FORWARDED,
        FORWARDED
    }

    /** An address range such as {@code 10.0.0.0/8} or {@code fd00::/8}; a single address is a range of one. */
    public record Cidr(InetAddress network, int prefixLength) {

        public Cidr {
            Objects.requireNonNull(network, "network");
            int bits = network.getAddress().length * 8;
            if (prefixLength < 0 || prefixLength > bits) {
                throw new IllegalArgumentException("A prefix length is between 0 and " + bits);
            }
            network = masked(network, prefixLength);
        }

        /** Parses {@code address[/prefix]} without ever asking DNS: a host name is refused. */
        public static Cidr valueOf(String text) {
            String value = text == null ? "" : text.strip();
            int slash = value.indexOf('/');
            String address = slash < 0 ? value : value.substring(0, slash);
            byte[] bytes = NetUtil.createByteArrayFromIpAddressString(address);
            if (bytes == null || (bytes.length == 4 && !NetUtil.isValidIpV4Address(address))) {
                throw refused(value);
            }
            int prefix = bytes.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(value.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw refused(value);
                }
                if (prefix < 0 || prefix > bytes.length * 8) {
                    throw refused(value);
                }
            }
            try {
                InetAddress network = InetAddress.getByAddress(bytes);
                if (network.getAddress().length < bytes.length) {
                    // ::ffff:a.b.c.d: Java reads an IPv4-mapped address as the IPv4 address it maps.
                    if (prefix < 96) {
                        throw refused(value);
                    }
                    prefix -= 96;
                }
                return new Cidr(network, prefix);
            } catch (java.net.UnknownHostException e) {
                throw refused(value);
            }
        }

        public boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            return candidate.length == network.getAddress().length
                    && masked(address, prefixLength).equals(network);
        }

        @Override
        public String toString() {
            return network.getHostAddress() + "/" + prefixLength;
        }

        private static InetAddress masked(InetAddress address, int prefixLength) {
            byte[] bytes = address.getAddress();
            for (int i = 0; i < bytes.length; i++) {
                int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
                bytes[i] = (byte) (bytes[i] & (0xff << (8 - keep)));
            }
            try {
                return InetAddress.getByAddress(bytes);
            } catch (java.net.UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }

        private static IllegalArgumentException refused(String value) {
            return new InvalidPropertiesException(
                    "guestgate.landing.trusted-proxies",
                    "'" + value
                            + "' is not an address range: write an IP address or a CIDR range such as 10.0.0.0/8 or fd00::/8");
        }
    }
}
