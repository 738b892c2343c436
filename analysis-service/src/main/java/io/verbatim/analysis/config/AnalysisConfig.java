package io.verbatim.analysis.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Settings of analysis-service; each can be overridden by a VERBATIM_ANALYSIS_* environment variable. */
@ConfigMapping(prefix = "verbatim.analysis")
public interface AnalysisConfig {

    /**
     * The languages whose models this instance loads (ISO 639-1 codes the engine reads): each costs heap and start-up
     * time, and an article in another language is dead-lettered as {@code invalid}.
     */
    @WithDefault("fr,en")
    List<String> languages();

    /** Raw records with a longer body are refused (sent to the dead-letter topic). */
    @WithDefault("1048576")
    int maxBodyChars();

    /**
     * The engine's time per article; past it the analysis is abandoned and the record dead-lettered with the
     * reason {@code timeout}. A 1 MiB body of news prose (190,000 tokens) took 16–20 s of CPU with analyzers
     * verbatim-fr-24 and -25: the default leaves room for a machine busy with other work.
     */
    @WithDefault("120s")
    Duration timeBudget();

    /**
     * First pause between retries when PostgreSQL or Kafka fail; it doubles up to {@link #maxRetryPause()}.
     * Such failures are retried for as long as they last, never dead-lettered.
     */
    @WithDefault("500ms")
    Duration firstRetryPause();

    @WithDefault("15s")
    Duration maxRetryPause();

    /** How long the outbox relay waits for Kafka to acknowledge a batch of tagged articles before retrying it. */
    @WithDefault("15s")
    Duration publishTimeout();

    /** Tagged articles the outbox relay sends per transaction. */
    @WithDefault("100")
    int outboxBatch();
}
