package io.verbatim.analysis.health;

import io.verbatim.analysis.service.AnalysisEngine;
import io.verbatim.analysis.service.ArticleProcessing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the NLP models are loaded and while stored articles are not stuck retrying. */
@Readiness
@ApplicationScoped
public class EngineReadiness implements HealthCheck {

    @Inject
    AnalysisEngine engine;

    @Inject
    ArticleProcessing processing;

    @Override
    public HealthCheckResponse call() {
        String state = engine.failed() ? "failed" : engine.isLoaded() ? "loaded" : "loading";
        return HealthCheckResponse.named("analysis-engine")
                .status(engine.isLoaded() && !processing.isRetrying())
                .withData("models", state)
                .withData("retrying", processing.isRetrying())
                .withData("processed", processing.processedCount())
                .build();
    }
}
