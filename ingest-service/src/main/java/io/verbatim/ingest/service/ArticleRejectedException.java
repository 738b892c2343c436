package io.verbatim.ingest.service;

import java.util.List;

/** The article breaks a rule of the edge; {@code status} is the HTTP status that says which kind (400, 413). */
public class ArticleRejectedException extends RuntimeException {

    private final int status;
    private final List<FieldError> errors;

    public ArticleRejectedException(int status, String title, List<FieldError> errors) {
        super(title);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
