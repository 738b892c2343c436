package io.verbatim.query.service;

/** A live-stream connection refused: this replica is full ({@code global}, 503) or the client has its share (429). */
public class StreamLimitException extends RuntimeException {

    private final boolean global;

    public StreamLimitException(boolean global, String message) {
        super(message);
        this.global = global;
    }

    public boolean global() {
        return global;
    }
}
