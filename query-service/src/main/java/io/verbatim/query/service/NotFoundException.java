package io.verbatim.query.service;

/** No article, entity or quote with the requested id. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super("No " + what + " with id " + id);
    }
}
