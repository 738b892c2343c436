package io.verbatim.ingest.service;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * Derives an article's id from what identifies it, so that posting the same article twice yields the same id
 * and downstream processing (keyed by id) stores it once. In order of precedence: the client's Idempotency-Key,
 * the article URL, or its source, title and body.
 */
public final class ArticleId {

    private ArticleId() {
    }

    public static UUID of(ArticleSubmission article, String idempotencyKey) {
        String identity;
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            identity = "key\u0000" + idempotencyKey.strip();
        } else if (article.url() != null) {
            identity = "url\u0000" + normalizeUrl(article.url());
        } else {
            identity = "content\u0000" + nullToEmpty(article.source()) + "\u0000" + article.title().strip()
                    + "\u0000" + article.body().strip();
        }
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
    }

    /** Scheme and host are case-insensitive and a trailing slash or fragment does not make another article. */
    static String normalizeUrl(String url) {
        String withoutFragment = url.strip().replaceFirst("#.*$", "");
        int hostEnd = withoutFragment.indexOf('/', withoutFragment.indexOf("://") + 3);
        String normalized = hostEnd < 0
                ? withoutFragment.toLowerCase(Locale.ROOT)
                : withoutFragment.substring(0, hostEnd).toLowerCase(Locale.ROOT) + withoutFragment.substring(hostEnd);
        return normalized.endsWith("/") ? normalized.substring(0, normalized.length() - 1) : normalized;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s.strip();
    }
}
