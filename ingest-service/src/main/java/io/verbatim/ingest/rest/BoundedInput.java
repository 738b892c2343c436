package io.verbatim.ingest.rest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read one article at a time: each article may take at most {@code limit} bytes, counted from
 * {@link #startItem()}, so that no client can make the service hold more than one article (plus a parser
 * buffer) of its body in memory.
 */
final class BoundedInput extends FilterInputStream {

    /** An article past the limit: the rest of the body is not read. */
    static final class ArticleTooLargeException extends IOException {
        ArticleTooLargeException(long limit) {
            super("an article takes more than " + limit + " bytes");
        }
    }

    private final long limit;
    private long itemBytes;

    BoundedInput(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    void startItem() {
        itemBytes = 0;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
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
