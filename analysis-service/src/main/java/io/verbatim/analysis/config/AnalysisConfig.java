package io.verbatim.analysis.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of analysis-service; each can be overridden by a VERBATIM_ANALYSIS_* environment variable. */
@ConfigMapping(prefix = "verbatim.analysis")
public interface AnalysisConfig {

    /** Raw records with a longer body are refused (sent to the dead-letter topic). */
    @WithDefault("1048576")
    int maxBodyChars();

    /** How long a record keeps retrying when PostgreSQL or Kafka fail before it goes to the dead-letter topic. */
    @WithDefault("5m")
    Duration retryFor();

    /** First pause between retries; it doubles up to {@link #maxRetryPause()}. */
    @WithDefault("500ms")
    Duration firstRetryPause();

    @WithDefault("15s")
    Duration maxRetryPause();

    /** How long to wait for Kafka to acknowledge a tagged article. */
    @WithDefault("15s")
    Duration publishTimeout();
}
