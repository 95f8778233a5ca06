package io.guestgate.landing.notify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChatMarkdownTest {

    @Test
    void namesCannotFormatLinkOrMention() {
        assertThat(ChatMarkdown.escape("**[click](https://evil.example)**"))
                .isEqualTo("\\*\\*\\[click\\]\\(https://evil.example\\)\\*\\*");
        assertThat(ChatMarkdown.escape("<@all> & co")).isEqualTo("&lt;@all&gt; &amp; co");
        assertThat(ChatMarkdown.escape("Anna\nMüller")).isEqualTo("Anna Müller");
        assertThat(ChatMarkdown.escape("Anna-Lena O'Brien")).isEqualTo("Anna-Lena O'Brien");
        assertThat(ChatMarkdown.escape(null)).isEmpty();
    }
}
