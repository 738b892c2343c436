package io.verbatim.query.rest;

import io.verbatim.query.service.ArticleQueries;

import java.util.LinkedHashMap;
import java.util.Map;

/** A plain-text reading of an analysed article, for terminals: its quotes with their speakers, then its entities. */
final class ArticleText {

    private ArticleText() {
    }

    static String render(ArticleQueries.ArticleDetail article) {
        StringBuilder out = new StringBuilder();
        out.append(article.title()).append('\n');
        out.append(article.source() == null ? "" : article.source() + " · ")
                .append(article.publishedAt() != null ? article.publishedAt() : article.receivedAt())
                .append(" · ").append(article.id()).append("\n\n");
        out.append("Quotes (").append(article.quotes().size()).append(")\n");
        int n = 1;
        for (ArticleQueries.QuoteView q : article.quotes()) {
            // Indirect speech had no quote marks in the article: it is shown without them.
            out.append(q.type().equals("indirect") ? String.format("%3d. %s%n", n++, q.text())
                    : String.format("%3d. « %s »%n", n++, q.text()));
            String who = q.speaker() != null ? q.speaker().name() : "(unnamed)";
            if (q.speakerDescriptor() != null) {
                who += ", " + q.speakerDescriptor();
            }
            out.append("     — ").append(who).append("  [").append(q.type())
                    .append(q.cue() != null ? ", " + q.cue() : "").append("]\n");
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ArticleQueries.MentionView m : article.entities()) {
            String name = m.entity() != null ? m.entity().name() : m.text();
            counts.merge(String.format("%-4s %s", m.type(), name), 1, Integer::sum);
        }
        out.append("\nEntities (").append(counts.size()).append(")\n");
        counts.forEach((entity, times) -> out.append("  ").append(entity)
                .append(times > 1 ? "  ×" + times : "").append('\n'));
        return out.toString();
    }
}
