package io.verbatim.ingest.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read one article at a time: each article may take at most {@code limit} bytes, counted from
 * {@link #startItem()} (or, for newline-delimited bodies, from the last line break read), so that no client can
 * make the service hold more than one article (plus a parser buffer) of its body in memory.
 */
final class BoundedInput extends FilterInputStream {

    /** An article past the limit: the rest of the body is not read. */
    static final class ArticleTooLargeException extends IOException {
        ArticleTooLargeException(long limit) {
            super("an article takes more than " + limit + " bytes");
        }
    }

    private final long limit;
    /** Whether a line break in the bytes ends an article (NDJSON). */
    private final boolean lines;
    private long itemBytes;

    BoundedInput(InputStream in, long limit) {
        this(in, limit, false);
    }

    private BoundedInput(InputStream in, long limit, boolean lines) {
        super(in);
        this.limit = limit;
        this.lines = lines;
    }

    /**
     * A newline-delimited body: each line is counted from the line break before it, in the bytes themselves. A
     * reader decoding ahead has already read into the next line when it hands over the current one, so counting
     * from that moment would let a line through with up to a buffer's worth of bytes uncounted.
     */
    static BoundedInput perLine(InputStream in, long limit) {
        return new BoundedInput(in, limit, true);
    }

    void startItem() {
        itemBytes = 0;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b == '\n' && lines) {
            itemBytes = 0;
        } else if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0 && lines) {
            for (int i = offset; i < offset + n; i++) {
                if (buffer[i] == '\n') {
                    itemBytes = 0;
                } else {
                    count(1);
                }
            }
        } else if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(int n) throws ArticleTooLargeException {
        itemBytes += n;
        if (itemBytes > limit) {
            throw new ArticleTooLargeException(limit);
        }
    }
}
