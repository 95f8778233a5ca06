package io.guestgate.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * The development identity provider standing in for ich.app: mock-oauth2-server with an interactive login page on
 * which a person types the name and email address to be verified as.
 */
final class SandboxIdentityProvider implements AutoCloseable {

    /** The issuer's path: the issuer is {@code http://127.0.0.1:<port>/ichapp}. */
    static final String ISSUER_ID = "ichapp";

    private static final String LOGIN_PAGE = "sandbox/identity-provider-login.html";

    private final MockOAuth2Server server;
    private final Path loginPage;
    private final int port;

    private SandboxIdentityProvider(MockOAuth2Server server, Path loginPage, int port) {
        this.server = server;
        this.loginPage = loginPage;
        this.port = port;
    }

    static SandboxIdentityProvider start(int wantedPort) {
        // mock-oauth2-server reads a custom login page from a file path, not from the classpath.
        Path loginPage = copyLoginPage();
        MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(true, loginPage.toString(), null));
        try {
            server.start(InetAddress.getByName(SandboxRedis.HOST), wantedPort);
        } catch (UnknownHostException | RuntimeException e) {
            deleteQuietly(loginPage);
            throw new IllegalStateException(
                    "The identity provider did not start on port " + wantedPort
                            + " (set guestgate.sandbox.ports.identity-provider to a free port, or 0): "
                            + e.getMessage(),
                    e);
        }
        return new SandboxIdentityProvider(server, loginPage, server.baseUrl().port());
    }

    private static Path copyLoginPage() {
        try (InputStream page = SandboxIdentityProvider.class.getClassLoader().getResourceAsStream(LOGIN_PAGE)) {
            if (page == null) {
                throw new IllegalStateException("classpath:" + LOGIN_PAGE + " is missing from the build");
            }
            Path file = Files.createTempFile("guestgate-sandbox-login-", ".html");
            Files.write(file, page.readAllBytes());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the identity provider's login page", e);
        }
    }

    int port() {
        return port;
    }

    String issuerUri() {
        return "http://" + SandboxRedis.HOST + ":" + port + "/" + ISSUER_ID;
    }

    @Override
    public void close() {
        try {
            server.shutdown();
        } finally {
            deleteQuietly(loginPage);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A temporary file; the operating system cleans its temp directory eventually.
        }
    }
}
