package io.guestgate.guestlist.account;

import org.springframework.stereotype.Service;

import reactor.core.publisher.Mono;

/** Reading and unlinking organizer accounts; the bot's {@code status} and {@code logout} use this. */
@Service
public class OrganizerAccounts {

    private final AccountStore store;

    OrganizerAccounts(AccountStore store) {
        this.store = store;
    }

    /** The organizer's account, linked or unlinked; empty if they never linked. */
    public Mono<OrganizerAccount> find(String personId) {
        return store.find(personId).map(AccountStore.StoredAccount::account);
    }

    /** Deletes the organizer's tokens and marks the account unlinked. True if there was an account. */
    public Mono<Boolean> unlink(String personId) {
        return store.unlink(personId);
    }
}
