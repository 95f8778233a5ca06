package io.guestgate.bot.command;

import io.guestgate.bot.reply.Reply;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Every {@link CommandHandler} in the application, by command. Startup fails unless each command of the set has
 * exactly one handler, and a handler runs a command of the set: a command can never go unanswered, nor be answered by
 * whichever bean happened to load last.
 */
@Component
public class CommandRegistry {

    private final Commands commands;
    private final Map<Verb, CommandHandler<?>> byVerb = new LinkedHashMap<>();
    private final Map<Class<?>, CommandHandler<?>> byRecord = new LinkedHashMap<>();

    /** The bot's commands. */
    @Autowired
    public CommandRegistry(List<CommandHandler<?>> handlers) {
        this(Commands.BOT, handlers);
    }

    public CommandRegistry(Commands commands, List<CommandHandler<?>> handlers) {
        this.commands = commands;
        for (CommandHandler<?> handler : handlers) {
            Verb verb = commands.verb(handler.commandType())
                    .orElseThrow(() -> new IllegalStateException(
                            handler.getClass().getName() + " must run a command of " + commands + ", not "
                                    + handler.commandType().getName()));
            CommandHandler<?> before = byVerb.putIfAbsent(verb, handler);
            if (before != null) {
                throw new IllegalStateException("Two command handlers claim the keywords " + verb.keywords() + ": "
                        + before.getClass().getName() + " and "
                        + handler.getClass().getName());
            }
            for (Class<?> record : commands.records(handler.commandType())) {
                byRecord.put(record, handler);
            }
        }
        for (Verb verb : commands.verbs()) {
            if (!byVerb.containsKey(verb)) {
                throw new IllegalStateException(
                        "No command handler runs " + commands.typeOf(verb).getName()
                                + " (" + verb.keywords() + "): implement CommandHandler<"
                                + commands.typeOf(verb).getSimpleName() + "> as a bean");
            }
        }
    }

    /** Every command's verb, in the order help lists them. */
    public List<Verb> verbs() {
        return commands.verbs();
    }

    /** The handler's replies; empty if no handler runs this command (an {@link Command.Invalid} or Unknown). */
    public Optional<Flux<Reply>> dispatch(Command command, Conversation conversation) {
        CommandHandler<?> handler = byRecord.get(command.getClass());
        return handler == null ? Optional.empty() : Optional.of(run(handler, command, conversation));
    }

    private static <C extends Command> Flux<Reply> run(
            CommandHandler<C> handler, Command command, Conversation conversation) {
        return Flux.defer(() -> handler.handle(handler.commandType().cast(command), conversation));
    }
}
