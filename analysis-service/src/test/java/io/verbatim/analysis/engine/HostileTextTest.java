package io.verbatim.analysis.engine;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text built to hurt the rules (no sentence breaks, endless capitalised words, unbalanced quote marks) must
 * still be analysed. The timeout only guards against a hang; it is far above the normal time.
 */
class HostileTextTest {

    private static final Duration HANG_GUARD = Duration.ofMinutes(3);

    private static Analysis analyze(String text) {
        return assertTimeoutPreemptively(HANG_GUARD, () -> Engine.get().analyze(text));
    }

    @Test
    void noSentenceBreakAtAll() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            text.append(i % 7 == 0 ? "a déclaré " : "mot ").append(i % 13 == 0 ? "que " : "");
        }
        assertTrue(analyze(text.toString()).tokenCount() > 20_000);
    }

    @Test
    void tenThousandCapitalisedWords() {
        Random random = new Random(42);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            text.append((char) ('A' + random.nextInt(26))).append("ucien").append(random.nextInt(100)).append(' ');
        }
        analyze(text.toString());
    }

    @Test
    void unbalancedAndNestedQuoteMarks() {
        String text = "« « « \" “ ” » " + "« Il a dit, a-t-il dit, « oui », ".repeat(2_000) + "\" \" \" » » +";
        Analysis analysis = analyze(text);
        analysis.quotes().forEach(q -> assertTrue(q.start() >= 0 && q.end() <= text.length() && q.start() <= q.end()));
    }

    @Test
    void longClausesAfterQuotesAndCommas() {
        String text = ("« Oui », " + "a pour sa part encore également aussi ensuite ".repeat(500) + "déclaré X.\n").repeat(20)
                + "Selon " + "le ministre, ".repeat(3_000) + "rien.";
        analyze(text);
    }
}
