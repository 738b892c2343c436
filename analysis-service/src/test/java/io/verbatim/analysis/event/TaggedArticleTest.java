package io.verbatim.analysis.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.verbatim.contracts.EventContract;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Without a broker: every example of the articles.tagged contract goes through TaggedArticle and comes out
 * unchanged and within the contract, so a component renamed or retyped in TaggedArticle fails here at once
 * (EventContractsTest checks the bytes the running service publishes).
 */
class TaggedArticleTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void everyExampleRoundTripsThroughTheRecordWithinTheContract() throws Exception {
        EventContract contract = EventContract.of(TaggedArticle.TOPIC, TaggedArticle.SCHEMA_VERSION);
        for (String example : contract.examples()) {
            String written = JSON.writeValueAsString(JSON.readValue(example, TaggedArticle.class));
            contract.assertKeptBy(written);
            assertEquals(JSON.readTree(example), JSON.readTree(written));
        }
    }
}
