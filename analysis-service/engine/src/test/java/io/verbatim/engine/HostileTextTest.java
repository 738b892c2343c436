package io.verbatim.engine;

import io.verbatim.engine.model.Analysis;
import io.verbatim.engine.model.Mention;
import io.verbatim.engine.model.Quote;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text built to hurt the rules (no sentence breaks, endless capitalised words, unbalanced quote marks) must
 * still be analysed into offsets that hold, and must not keep the engine from finding an ordinary quote that
 * follows it. The timeout only guards against a hang; it is far above the normal time.
 */
class HostileTextTest {

    private static final Duration HANG_GUARD = Duration.ofMinutes(3);
    /** After a full stop: a sentence of its own, however long the hostile one before it. */
    private static final String ORDINARY_PARAGRAPH =
            ".\n\nÀ Lyon, « Nous tiendrons bon », a déclaré la maire Anne Martin.\n";

    /** Analyses the hostile text followed by an ordinary paragraph, and checks what every article must get. */
    private static Analysis analyzeAfter(String hostile) {
        String text = hostile + ORDINARY_PARAGRAPH;
        Analysis analysis = assertTimeoutPreemptively(HANG_GUARD, () -> Engine.get().analyze(text));
        for (Mention m : analysis.mentions()) {
            assertSpan(text, m.start(), m.end(), m.text());
            assertTrue(m.entity() >= 0 && m.entity() < analysis.entities().size(), "mention without its entity: " + m);
        }
        for (Quote q : analysis.quotes()) {
            assertSpan(text, q.start(), q.end(), q.text());
            assertTrue(q.speaker() < analysis.entities().size(), "quote with an unknown speaker index " + q.speaker());
            if (q.speakerMention() != null) {
                assertSpan(text, q.speakerMention().start(), q.speakerMention().end(), q.speakerMention().text());
            }
        }
        Quote last = analysis.quotes().get(analysis.quotes().size() - 1);
        assertEquals("Nous tiendrons bon", last.text());
        assertEquals("Anne Martin", analysis.speakerName(last));
        assertEquals("déclarer", last.cue());
        return analysis;
    }

    /** Stored offsets are Java String indices into the body: the span must be there and read the same. */
    private static void assertSpan(String text, int start, int end, String spanText) {
        assertTrue(0 <= start && start < end && end <= text.length(), "span " + start + "-" + end + " outside the text");
        assertEquals(text.substring(start, end), spanText, "span " + start + "-" + end);
    }

    @Test
    void noSentenceBreakAtAll() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append(i % 7 == 0 ? "a déclaré " : "mot ").append(i % 13 == 0 ? "que " : "");
        }
        Analysis analysis = analyzeAfter(text.toString());
        assertTrue(analysis.tokenCount() > 20_000, "tokens: " + analysis.tokenCount());
        assertTrue(analysis.mentions().stream().noneMatch(m -> m.text().contains("mot")), "a lower-case word named");
    }

    @Test
    void tenThousandCapitalisedWords() {
        Random random = new Random(42);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            text.append((char) ('A' + random.nextInt(26))).append("ucien").append(random.nextInt(100)).append(' ');
        }
        Analysis analysis = analyzeAfter(text.toString());
        assertEquals(1, analysis.quotes().size(), "no quote marks nor cue verbs in the capitalised words");
    }

    @Test
    void unbalancedAndNestedQuoteMarks() {
        analyzeAfter("« « « \" “ ” » " + "« Il a dit, a-t-il dit, « oui », ".repeat(2_000) + "\" \" \" » » +");
    }

    @Test
    void longClausesAfterQuotesAndCommas() {
        analyzeAfter(("« Oui », " + "a pour sa part encore également aussi ensuite ".repeat(500) + "déclaré X.\n").repeat(20)
                + "Selon " + "le ministre, ".repeat(3_000) + "rien.");
    }
}
