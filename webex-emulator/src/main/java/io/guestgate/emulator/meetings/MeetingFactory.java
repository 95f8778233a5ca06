package io.guestgate.emulator.meetings;

import io.guestgate.emulator.config.EmulatorSeed;
import io.guestgate.emulator.people.WebexPerson;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.springframework.stereotype.Component;

/** Generates what Webex generates for a new meeting: id, number, links, SIP address, host key and password. */
@Component
class MeetingFactory {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PASSWORD_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private final String siteUrl;
    private final MeetingStore store;

    MeetingFactory(EmulatorSeed seed, MeetingStore store) {
        this.siteUrl = seed.siteUrl();
        this.store = store;
    }

    Meeting create(MeetingRules.Schedule schedule, MeetingRequest request, WebexPerson host) {
        String id = hex(16);
        String number = uniqueNumber();
        String sitePrefix = siteUrl.substring(0, siteUrl.indexOf('.') > 0 ? siteUrl.indexOf('.') : siteUrl.length());
        String password = request.password() != null && !request.password().isBlank() ? request.password() : password();
        return new Meeting(
                id,
                number,
                schedule.title(),
                request.agenda(),
                password,
                schedule.start(),
                schedule.end(),
                schedule.zone(),
                host.id(),
                host.displayName(),
                host.email(),
                digits(6),
                siteUrl,
                "https://" + siteUrl + "/" + sitePrefix + "/j.php?MTID=m" + hex(16),
                number + "@" + siteUrl,
                MeetingOptions.defaults().merge(request));
    }

    private String uniqueNumber() {
        String number;
        do {
            number = "2" + digits(10);
        } while (store.numberTaken(number));
        return number;
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    static String digits(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(RANDOM.nextInt(10));
        }
        return s.toString();
    }

    private static String password() {
        StringBuilder s = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            s.append(PASSWORD_CHARS.charAt(RANDOM.nextInt(PASSWORD_CHARS.length())));
        }
        return s.toString();
    }
}
