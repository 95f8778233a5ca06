package io.guestgate.emulator.oauth;

import io.guestgate.emulator.people.Directory;
import io.guestgate.emulator.people.WebexPerson;
import java.util.Comparator;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/** The emulated Webex sign-in and consent page: one button per seeded person. */
@Component
class ConsentPage {

    private final Directory directory;

    ConsentPage(Directory directory) {
        this.directory = directory;
    }

    String render(String requestId, AuthorizeRequest request) {
        StringBuilder buttons = new StringBuilder();
        directory.all().stream()
                .filter(p -> p.type() == WebexPerson.Type.PERSON)
                .sorted(Comparator.comparing(WebexPerson::email))
                .forEach(p -> buttons.append("""
            <li><button type="submit" name="personId" value="%s">%s &lt;%s&gt;</button></li>
            """.formatted(esc(p.id()), esc(p.displayName()), esc(p.email()))));
        return """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><title>Webex emulator – sign in</title>
        <style>body{font-family:sans-serif;max-width:40rem;margin:3rem auto}li{list-style:none;margin:.5rem 0}
        button{padding:.5rem 1rem;min-width:20rem;text-align:left}</style></head>
        <body>
        <h1>Webex emulator</h1>
        <p>Sign in as one of the seeded people to grant access. / Melden Sie sich als eine der angelegten Personen an,
        um den Zugriff zu gewähren.</p>
        <p>Requested scopes / Angefragte Berechtigungen: <code>%s</code></p>
        <form method="post" action="/_emulator/authorize/consent">
        <input type="hidden" name="request" value="%s">
        <ul>
        %s</ul>
        <p><button type="submit" name="deny" value="1">Deny / Ablehnen</button></p>
        </form>
        </body></html>
        """.formatted(esc(String.join(" ", request.scopes())), esc(requestId), buttons);
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
