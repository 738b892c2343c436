package io.verbatim.analysis.health;

import io.verbatim.analysis.messaging.TaggedArticlePublisher;
import io.verbatim.analysis.service.AnalysisEngine;
import io.verbatim.analysis.service.ArticleProcessing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once the NLP models are loaded, while no article waits for the database and tagged articles reach Kafka;
 * otherwise the check's data says what is awaited.
 */
@Readiness
@ApplicationScoped
public class EngineReadiness implements HealthCheck {

    @Inject
    AnalysisEngine engine;

    @Inject
    ArticleProcessing processing;

    @Inject
    TaggedArticlePublisher publisher;

    @Override
    public HealthCheckResponse call() {
        String state = engine.failed() ? "failed" : engine.isLoaded() ? "loaded" : "loading";
        HealthCheckResponseBuilder response = HealthCheckResponse.named("analysis-engine")
                .status(engine.isLoaded() && processing.waitingFor().isEmpty() && publisher.trouble().isEmpty())
                .withData("models", state)
                .withData("processed", processing.processedCount());
        processing.waitingFor().ifPresent(why -> response.withData("waiting", why));
        publisher.trouble().ifPresent(why -> response.withData("publishing", why));
        return response.build();
    }
}
