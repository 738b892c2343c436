package io.verbatim.analysis.service;

/**
 * A record that no retry can process: it goes to the dead-letter topic. Its message, the
 * {@code dead-letter-reason} header, starts with a short reason ({@code invalid}, {@code schema},
 * {@code too-large}, {@code timeout}, {@code engine}, {@code refused}) that {@code deploy/local/dlq.sh} selects on.
 */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String reason, String detail) {
        super(reason + ": " + detail);
    }

    public PoisonRecordException(String reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
    }
}
