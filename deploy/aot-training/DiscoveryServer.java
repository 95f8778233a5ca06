import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * The identity provider's discovery document for the AOT cache's training run (train.sh), on 127.0.0.1 only: the one
 * outside call GuestGate makes while its application context is built. Nothing else is served.
 */
public final class DiscoveryServer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String issuer = "http://127.0.0.1:" + port;
        byte[] document = ("{\"issuer\":\"" + issuer + "\","
                        + "\"authorization_endpoint\":\"" + issuer + "/authorize\","
                        + "\"token_endpoint\":\"" + issuer + "/token\","
                        + "\"userinfo_endpoint\":\"" + issuer + "/userinfo\","
                        + "\"jwks_uri\":\"" + issuer + "/jwks\","
                        + "\"response_types_supported\":[\"code\"],"
                        + "\"subject_types_supported\":[\"public\"],"
                        + "\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                        + "\"code_challenge_methods_supported\":[\"S256\"]}")
                .getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/.well-known/openid-configuration", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, document.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(document);
            }
        });
        server.start();
    }
}
