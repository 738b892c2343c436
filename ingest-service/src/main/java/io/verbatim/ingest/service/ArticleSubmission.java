package io.verbatim.ingest.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** An article as a client posts it. The body's size limit is configurable, so it is checked in {@link ArticleIngestion}. */
@Schema(name = "ArticleSubmission", description = "A news article to analyse.")
public record ArticleSubmission(
        @Schema(required = true, examples = "Armement : Paris et Bruxelles renforcent leur partenariat")
        @NotBlank @Size(max = 1000) String title,
        @Schema(required = true, description = "Plain text; paragraphs separated by blank lines.")
        @NotBlank String body,
        @Schema(description = "Canonical URL of the article (http or https); identifies the article for de-duplication.")
        @Size(max = 2048) @Pattern(regexp = "(?i)https?://[^\\s/$.?#][^\\s]*", message = "must be an http(s) URL") String url,
        @Schema(examples = "AFP") @Size(max = 200) String source,
        @Schema(description = "ISO 639-1 code of a language the pipeline reads (verbatim.ingest.supported-languages;"
                + " fr by default). When absent it is detected from the title and the first 2,000 characters of the"
                + " body: a text of fewer than 100 letters is taken to be in verbatim.ingest.default-language (fr by"
                + " default); a longer one in another language, or in none the detector can tell, is refused with"
                + " 422. The accepted response says which language was used and whether it was detected.",
                examples = "fr")
        @Pattern(regexp = "[a-z]{2}", message = "must be a two-letter ISO 639-1 code") String language,
        @Schema(description = "ISO-8601 date-time with offset.", examples = "2025-06-12T14:30:00+02:00")
        OffsetDateTime publishedAt,
        @Size(max = 50) List<@NotBlank @Size(max = 200) String> authors) {
}
