package io.guestgate.emulator.oauth;

import java.util.List;

/** A checked /authorize request, kept while the consent page is shown. */
record AuthorizeRequest(String clientId, String redirectUri, List<String> scopes, String state, String codeChallenge) {

    AuthorizeRequest {
        scopes = List.copyOf(scopes);
    }
}
