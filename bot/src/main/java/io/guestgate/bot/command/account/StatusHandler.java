package io.guestgate.bot.command.account;

import io.guestgate.bot.command.Command.Status;
import io.guestgate.bot.command.CommandHandler;
import io.guestgate.bot.command.Conversation;
import io.guestgate.bot.i18n.BotMessages;
import io.guestgate.bot.i18n.OrganizerZones;
import io.guestgate.bot.i18n.TimeTexts;
import io.guestgate.bot.reply.Markdown;
import io.guestgate.bot.reply.Reply;
import io.guestgate.domain.account.OrganizerAccounts;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/** {@code status}: linked or not, and as whom. */
@Component
class StatusHandler implements CommandHandler<Status> {

    private final OrganizerAccounts accounts;
    private final BotMessages messages;
    private final TimeTexts times;
    private final OrganizerZones zones;

    StatusHandler(OrganizerAccounts accounts, BotMessages messages, TimeTexts times, OrganizerZones zones) {
        this.accounts = accounts;
        this.messages = messages;
        this.times = times;
        this.zones = zones;
    }

    @Override
    public Class<Status> commandType() {
        return Status.class;
    }

    @Override
    public Flux<Reply> handle(Status command, Conversation conversation) {
        return accounts.find(conversation.personId())
                .filter(account -> account.isLinked())
                .map(account -> messages.text(
                        command.language(),
                        "status.linked",
                        Markdown.escape(account.displayName()),
                        Markdown.escape(account.email()),
                        times.moment(command.language(), account.linkedAt(), zones.of(account))))
                .defaultIfEmpty(messages.text(command.language(), "status.unlinked"))
                .map(Reply::text)
                .flux();
    }
}
