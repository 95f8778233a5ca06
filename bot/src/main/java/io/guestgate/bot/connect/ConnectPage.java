package io.guestgate.bot.connect;

import org.springframework.http.HttpStatus;

/** The pages of the account link, each with its HTTP status and the key prefix of its texts. */
enum ConnectPage {
    LINKED(HttpStatus.OK, "linked"),
    STATE_INVALID(HttpStatus.BAD_REQUEST, "state-invalid"),
    WRONG_ACCOUNT(HttpStatus.FORBIDDEN, "wrong-account"),
    NOT_ALLOWED(HttpStatus.FORBIDDEN, "not-allowed"),
    DENIED(HttpStatus.FORBIDDEN, "denied"),
    WEBEX_FAILED(HttpStatus.BAD_GATEWAY, "webex-failed"),
    ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "error");

    private final HttpStatus status;
    private final String key;

    ConnectPage(HttpStatus status, String key) {
        this.status = status;
        this.key = key;
    }

    HttpStatus status() {
        return status;
    }

    String key() {
        return key;
    }
}
