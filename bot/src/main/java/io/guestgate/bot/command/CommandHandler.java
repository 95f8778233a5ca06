package io.guestgate.bot.command;

import io.guestgate.bot.reply.Reply;
import reactor.core.publisher.Flux;

/**
 * Runs one command. Every handler is a Spring bean; {@link CommandRegistry} collects them, refuses to start unless
 * each command has exactly one, and help is generated from the commands.
 * <p>
 * A handler answers with the replies to send; the intake sends them in order, in the command's space and thread
 * (or 1:1, see {@link Reply#privately()}). A {@code io.guestgate.webex.WebexApiException} may be left to the intake:
 * it answers with a plain-language message and Webex's tracking id. Anything the organizer did wrong should be an
 * answer in the command's language, never an error.
 *
 * @param <C> the command type this handler runs, e.g. {@code Command.AddParticipants}
 */
public interface CommandHandler<C extends Command> {

    /**
     * The command this handler runs: a type its set permits, which declares the {@link Verb} (e.g.
     * {@code Command.AddParticipants}, or {@code Command.Create} for both forms of {@code create}).
     */
    Class<C> commandType();

    Flux<Reply> handle(C command, Conversation conversation);
}
