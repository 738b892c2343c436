package io.verbatim.query.service;

/** No article, entity, quote or statement with the requested id. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super("No " + what + " with id " + id);
    }
}
