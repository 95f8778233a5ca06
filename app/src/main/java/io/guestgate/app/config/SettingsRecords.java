package io.guestgate.app.config;

import io.guestgate.bot.BotProperties;
import io.guestgate.bot.connectioncheck.ConnectionCheckProperties;
import io.guestgate.bot.invite.mail.InviteMailProperties;
import io.guestgate.bot.invite.outbox.OutboxProperties;
import io.guestgate.domain.account.AccountProperties;
import io.guestgate.domain.account.AllowedOrganizers;
import io.guestgate.domain.admission.AdmissionProperties;
import io.guestgate.domain.audit.AuditLog;
import io.guestgate.domain.invitation.InvitationsProperties;
import io.guestgate.domain.lobby.LobbyProperties;
import io.guestgate.domain.meeting.MeetingsProperties;
import io.guestgate.domain.serviceapp.ServiceAppProperties;
import io.guestgate.landing.IdentityProperties;
import io.guestgate.landing.join.RateLimitProperties;
import io.guestgate.landing.meeting.SandboxProperties;
import io.guestgate.landing.web.LandingProperties;
import io.guestgate.platform.GuestgateProperties;
import io.guestgate.platform.crypto.CryptoProperties;
import io.guestgate.platform.webex.WebexProperties;
import java.util.List;

/**
 * Every settings record of GuestGate's modules. Each holds its own rules, so binding them all before any bean is
 * made reports every broken rule at once; {@code SettingsRecordsTest} keeps the list complete.
 */
final class SettingsRecords {

    static final List<Class<? extends Record>> ALL = List.of(
            GuestgateProperties.class,
            WebexProperties.class,
            CryptoProperties.class,
            AccountProperties.class,
            AllowedOrganizers.class,
            ServiceAppProperties.class,
            LobbyProperties.class,
            MeetingsProperties.class,
            InvitationsProperties.class,
            AuditLog.Properties.class,
            BotProperties.class,
            ConnectionCheckProperties.class,
            InviteMailProperties.class,
            OutboxProperties.class,
            AdmissionProperties.class,
            IdentityProperties.class,
            LandingProperties.class,
            RateLimitProperties.class,
            SandboxProperties.class);

    private SettingsRecords() {}
}
