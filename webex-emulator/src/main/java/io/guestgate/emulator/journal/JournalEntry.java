package io.guestgate.emulator.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One /v1 call as the journal keeps it: names only, never values, so no token, code or secret is ever stored.
 *
 * @param grant the {@code grant_type} of an {@code /access_token} call, otherwise null
 * @param personId the authenticated caller, if the call carried a valid token
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JournalEntry(
        String method, String path, List<String> queryKeys, int status, Instant time, String grant, String personId) {

    public JournalEntry {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        queryKeys = List.copyOf(queryKeys);
        Objects.requireNonNull(time, "time");
    }

    public boolean is(String method, String path) {
        return this.method.equalsIgnoreCase(method) && this.path.equals(path);
    }
}
