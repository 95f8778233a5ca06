package io.guestgate.bot.command;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.guestgate.bot.reply.Reply;
import reactor.core.publisher.Flux;

/**
 * Every {@link CommandHandler} in the application, by command type. Startup fails when two handlers claim the same
 * keyword or the same command, so a command can never be answered by whichever bean happened to load last.
 */
@Component
public class CommandRegistry {

    private final Map<Verb, CommandHandler<?>> byVerb = new EnumMap<>(Verb.class);
    private final Map<Class<?>, CommandHandler<?>> byType = new LinkedHashMap<>();

    public CommandRegistry(List<CommandHandler<?>> handlers) {
        for (CommandHandler<?> handler : handlers) {
            CommandHandler<?> before = byVerb.putIfAbsent(handler.verb(), handler);
            if (before != null) {
                throw new IllegalStateException("Two command handlers claim the keywords " + handler.verb().keywords()
                        + ": " + before.getClass().getName() + " and " + handler.getClass().getName());
            }
            List<Class<?>> types = concreteTypes(handler.commandType());
            if (types.isEmpty() || types.contains(Command.Invalid.class) || types.contains(Command.Unknown.class)) {
                throw new IllegalStateException(handler.getClass().getName() + " must handle a command of its own, not "
                        + handler.commandType().getName());
            }
            for (Class<?> type : types) {
                CommandHandler<?> other = byType.putIfAbsent(type, handler);
                if (other != null) {
                    throw new IllegalStateException("Two command handlers claim " + type.getSimpleName() + ": "
                            + other.getClass().getName() + " and " + handler.getClass().getName());
                }
            }
        }
    }

    /** The verbs that have a handler, in the order help lists them. */
    public List<Verb> verbs() {
        return List.copyOf(byVerb.keySet());
    }

    /** The handler's replies; empty if no handler runs this command (e.g. an {@link Command.Invalid}). */
    public Optional<Flux<Reply>> dispatch(Command command, Conversation conversation) {
        CommandHandler<?> handler = byType.get(command.getClass());
        return handler == null ? Optional.empty() : Optional.of(run(handler, command, conversation));
    }

    private static <C extends Command> Flux<Reply> run(CommandHandler<C> handler, Command command,
            Conversation conversation) {
        return Flux.defer(() -> handler.handle(handler.commandType().cast(command), conversation));
    }

    /** The records a (possibly sealed) command type stands for. */
    private static List<Class<?>> concreteTypes(Class<?> type) {
        List<Class<?>> types = new ArrayList<>();
        if (type.isRecord()) {
            types.add(type);
        }
        else if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                types.addAll(concreteTypes(permitted));
            }
        }
        return types;
    }
}
