package io.verbatim.analysis.health;

import io.verbatim.analysis.service.AnalysisEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Only a restart mends these: the NLP models failed to load (records wait, none is dead-lettered for it), or an
 * abandoned analysis keeps a core busy long after it was interrupted.
 */
@Liveness
@ApplicationScoped
public class EngineLiveness implements HealthCheck {

    @Inject
    AnalysisEngine engine;

    @Override
    public HealthCheckResponse call() {
        int runaways = engine.runaways();
        return HealthCheckResponse.named("analysis-engine")
                .status(!engine.failed() && runaways == 0)
                .withData("models", engine.failed() ? "failed" : engine.isLoaded() ? "loaded" : "loading")
                .withData("runawayAnalyses", runaways)
                .build();
    }
}
