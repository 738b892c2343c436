package io.verbatim.ingest.service;

/** One thing wrong with a request, named by the JSON path of the field at fault. */
public record FieldError(String field, String message) {
}
