package io.guestgate.domain.account;

import io.guestgate.platform.settings.Violations;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the bot: chat with it, link a Webex account, create meetings and have GuestGate mail guests from the
 * company's sender. Nobody by default: GuestGate does not start until the operator names the Webex organizations, the
 * email domains, or says {@code allow-anyone=true} (which the settings check names as a risk).
 *
 * @param allowedOrgIds       Webex organization ids whose people may use the bot (the natural unit: an org is who
 *                            Webex vouches for)
 * @param allowedEmailDomains domains whose addresses may use it (exactly, or a subdomain)
 * @param allowAnyone         anyone who can reach the bot, in any Webex org
 */
@ConfigurationProperties("guestgate.bot")
public record AllowedOrganizers(
        @DefaultValue List<String> allowedOrgIds,
        @DefaultValue List<String> allowedEmailDomains,
        @DefaultValue("false") boolean allowAnyone) {

    public static final String NOBODY = "say who may use the bot: set guestgate.bot.allowed-org-ids (Webex "
            + "organization ids), guestgate.bot.allowed-email-domains, or guestgate.bot.allow-anyone=true (anyone "
            + "anywhere could then link an account, create meetings and have GuestGate mail any address)";

    public AllowedOrganizers {
        allowedOrgIds = allowedOrgIds.stream()
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .toList();
        allowedEmailDomains = allowedEmailDomains.stream()
                .map(domain -> domain.strip().toLowerCase(Locale.ROOT))
                .map(domain -> domain.startsWith("@") ? domain.substring(1) : domain)
                .filter(domain -> !domain.isEmpty())
                .toList();
        Violations violations = new Violations();
        for (String domain : allowedEmailDomains) {
            violations.require(
                    domain.matches("[a-z0-9.-]+\\.[a-z0-9-]+"),
                    "guestgate.bot.allowed-email-domains",
                    "'" + domain + "' is not a domain such as example.com");
        }
        violations.require(
                allowAnyone || !allowedOrgIds.isEmpty() || !allowedEmailDomains.isEmpty(),
                "guestgate.bot.allowed-org-ids",
                NOBODY);
        violations.throwIfAny();
    }

    /** Settings that are valid but that a security review should see; logged at every start. */
    public List<String> risks() {
        return allowAnyone
                ? List.of("guestgate.bot.allow-anyone=true: any Webex user anywhere can link an account, "
                        + "create meetings and have GuestGate mail any address from your sender with a link to your landing "
                        + "page; name guestgate.bot.allowed-org-ids instead")
                : List.of();
    }

    /** Whether a person with this address or in this Webex org may use the bot; either may be null. */
    public boolean admits(String email, String orgId) {
        return allowAnyone || orgId != null && allowedOrgIds.contains(orgId) || domainAllowed(email);
    }

    /** Whether the address alone lets its owner in, without asking Webex for their org. */
    public boolean admitsByAddress(String email) {
        return allowAnyone || domainAllowed(email);
    }

    private boolean domainAllowed(String email) {
        if (email == null || email.indexOf('@') < 1) {
            return false;
        }
        String domain = email.substring(email.lastIndexOf('@') + 1).strip().toLowerCase(Locale.ROOT);
        return allowedEmailDomains.stream()
                .anyMatch(allowed -> domain.equals(allowed) || domain.endsWith("." + allowed));
    }
}
