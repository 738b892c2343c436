package io.verbatim.ingest.rest;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Newline-delimited bodies are limited per line, whatever size of reads the reader above makes. */
class BoundedInputTest {

    private static byte[] body(int... lineLengths) {
        StringBuilder text = new StringBuilder();
        for (int length : lineLengths) {
            text.append("a".repeat(length)).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aLineOverTheLimitFailsEvenWhenReadTogetherWithTheLineBefore() {
        BoundedInput input = BoundedInput.perLine(new ByteArrayInputStream(body(50, 60_000)), 50_000);
        // One read holds both lines: a reader that reset its count after handing over the first line would
        // already have read most of the second uncounted.
        assertThrows(BoundedInput.ArticleTooLargeException.class, () -> input.read(new byte[100_000], 0, 100_000));
    }

    @Test
    void linesUnderTheLimitPassHoweverLongTheBody() throws IOException {
        byte[] body = body(40_000, 40_000, 40_000);
        BoundedInput input = BoundedInput.perLine(new ByteArrayInputStream(body), 50_000);
        assertEquals(body.length, input.read(new byte[200_000], 0, 200_000));
        assertEquals(-1, input.read());
    }
}
