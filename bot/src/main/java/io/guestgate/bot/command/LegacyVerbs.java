package io.guestgate.bot.command;

/**
 * Names of verbs from before each command declared its own. An interface, so that it is read only when a name is
 * first used, by then from a command that exists: as a constant of {@link Verb} itself it would be read while
 * {@code Verb} is set up, which may happen in the middle of setting up the very command it names.
 */
interface LegacyVerbs {

    /**
     * @deprecated name {@link Command.AddParticipants#VERB}; this stays only while
     *             {@code invite.outbox.SmtpOutageTest} finds the add handler by it
     */
    @Deprecated(forRemoval = true)
    Verb ADD = Command.AddParticipants.VERB;
}
