package io.verbatim.ingest.service;

/** The language an article is analysed in (ISO 639-1), and how it was chosen. */
public record ArticleLanguage(String code, LanguageSource source) {
}
