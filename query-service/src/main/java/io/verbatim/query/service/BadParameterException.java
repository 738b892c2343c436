package io.verbatim.query.service;

/** A query parameter the client must fix; the response names it. */
public class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
