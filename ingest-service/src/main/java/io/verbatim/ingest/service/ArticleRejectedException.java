package io.verbatim.ingest.service;

import java.util.List;

/** The article breaks a rule of the edge; {@code status} is the HTTP status that says which kind (400, 413, 422). */
public class ArticleRejectedException extends RuntimeException {

    private final int status;
    private final String detail;
    private final List<FieldError> errors;

    public ArticleRejectedException(int status, String title, List<FieldError> errors) {
        this(status, title, null, errors);
    }

    /** {@code detail} says what the client can do about it, beyond the fields at fault. */
    public ArticleRejectedException(int status, String title, String detail, List<FieldError> errors) {
        super(title);
        this.status = status;
        this.detail = detail;
        this.errors = List.copyOf(errors);
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
