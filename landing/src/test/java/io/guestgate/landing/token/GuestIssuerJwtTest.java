package io.guestgate.landing.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.SignatureVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class GuestIssuerJwtTest {

    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");
    private static final String SECRET =
            Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    private final GuestIssuerJwt minter = new GuestIssuerJwt(
            "issuer-1",
            GuestTokensConfiguration.issuerKey(SECRET),
            Duration.ofMinutes(5),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void carriesExactlySubNameIssAndExpSignedWithTheDecodedSecret() {
        String jwt = minter.mint("gg-abc123-xyz", "Anna Müller");

        DecodedJWT decoded = JWT.require(Algorithm.HMAC256(Base64.getDecoder().decode(SECRET)))
                .acceptExpiresAt(Long.MAX_VALUE / 1000)
                .build()
                .verify(jwt);
        assertThat(decoded.getAlgorithm()).isEqualTo("HS256");
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(Base64.getUrlDecoder().decode(decoded.getPayload()))
                        .propertyNames())
                .containsExactlyInAnyOrder("sub", "name", "iss", "exp");
        assertThat(decoded.getSubject()).isEqualTo("gg-abc123-xyz");
        assertThat(decoded.getClaim("name").asString()).isEqualTo("Anna Müller");
        assertThat(decoded.getIssuer()).isEqualTo("issuer-1");
        assertThat(decoded.getExpiresAtAsInstant()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void theSecretsTextIsNotTheKey() {
        String jwt = minter.mint("gg-abc123-xyz", "Anna Müller");

        assertThatThrownBy(() -> JWT.require(Algorithm.HMAC256(SECRET.getBytes(StandardCharsets.US_ASCII)))
                        .acceptExpiresAt(Long.MAX_VALUE / 1000)
                        .build()
                        .verify(jwt))
                .isInstanceOf(SignatureVerificationException.class);
    }

    @Test
    void refusesSubjectsWebexWouldReject() {
        assertThatThrownBy(() -> minter.mint("anna@example.com", "Anna")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> minter.mint("gg-abc_1", "Anna")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> minter.mint("gg-abc", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void livesAtMostFiveMinutes() {
        assertThatThrownBy(() -> new GuestIssuerJwt(
                        "issuer-1",
                        GuestTokensConfiguration.issuerKey(SECRET),
                        Duration.ofMinutes(6),
                        Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSecretThatIsNotBase64OrTooShortFailsAtStartupWithoutShowingIt() {
        assertThatThrownBy(() -> GuestTokensConfiguration.issuerKey("not base64 !!"))
                .hasMessageContaining("guestgate.webex.guest.issuer-secret")
                .hasMessageNotContaining("not base64 !!");
        String shortSecret = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> GuestTokensConfiguration.issuerKey(shortSecret))
                .hasMessageContaining("256 bits")
                .hasMessageNotContaining(shortSecret);
    }

    @Test
    void subjectOfAnInvitationIsGgPlusItsId() {
        assertThat(GuestTokens.subjectFor("k3m9x2p7q4rt-8fz2kq9m3a")).isEqualTo("gg-k3m9x2p7q4rt-8fz2kq9m3a");
        assertThatThrownBy(() -> GuestTokens.subjectFor("a b")).isInstanceOf(IllegalArgumentException.class);
    }
}
