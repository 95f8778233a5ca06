package io.guestgate.emulator.oauth;

import io.guestgate.emulator.auth.TokenRegistry;
import io.guestgate.emulator.people.Directory;
import io.guestgate.emulator.people.WebexPerson;
import io.guestgate.emulator.support.ApiException;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Test routes for the OAuth flow: who is signed in, revoking refresh tokens, expiring access tokens. */
@RestController
class OAuthTestRoutes {

    private final SignIn signIn;
    private final Directory directory;
    private final RefreshTokens refreshTokens;
    private final TokenRegistry tokens;

    OAuthTestRoutes(SignIn signIn, Directory directory, RefreshTokens refreshTokens, TokenRegistry tokens) {
        this.signIn = signIn;
        this.directory = directory;
        this.refreshTokens = refreshTokens;
        this.tokens = tokens;
    }

    /** Body {@code {"personId": "…"}} or {@code {"email": "…"}}: /authorize then answers as that person at once. */
    @PostMapping("/_emulator/authorize/as")
    Map<String, String> signInAs(@RequestBody PersonRef ref) {
        WebexPerson person = ref.resolve(directory);
        if (person.type() != WebexPerson.Type.PERSON) {
            throw ApiException.badRequest("Only seeded people can sign in.");
        }
        signIn.signInAs(person.id());
        return Map.of("personId", person.id(), "email", person.email());
    }

    @DeleteMapping("/_emulator/authorize/as")
    ResponseEntity<Void> signOut() {
        signIn.signOut();
        return ResponseEntity.noContent().build();
    }

    /** Revokes every refresh token of the person, as an admin or the user revoking the integration would. */
    @PostMapping("/_emulator/tokens/revoke-refresh")
    Map<String, Integer> revokeRefresh(@RequestBody PersonRef ref) {
        return Map.of(
                "revoked", refreshTokens.revokeAllOf(ref.resolve(directory).id()));
    }

    /** Body {@code {"accessToken": "…"}} expires that token; {@code {"personId"|"email": …}} expires all of theirs. */
    @PostMapping("/_emulator/tokens/expire")
    Map<String, Integer> expire(@RequestBody Map<String, String> body) {
        String token = body.get("accessToken");
        if (token != null) {
            if (!tokens.expire(token)) {
                throw ApiException.notFound("Unknown access token.");
            }
            return Map.of("expired", 1);
        }
        PersonRef ref = new PersonRef(body.get("personId"), body.get("email"));
        return Map.of("expired", tokens.expireAllOf(ref.resolve(directory).id()));
    }

    record PersonRef(String personId, String email) {
        WebexPerson resolve(Directory directory) {
            if (personId != null) {
                return directory.require(personId);
            }
            if (email != null) {
                return directory.byEmail(email).orElseThrow(() -> ApiException.notFound("Person not found."));
            }
            throw ApiException.badRequest("Give personId or email.");
        }
    }
}
