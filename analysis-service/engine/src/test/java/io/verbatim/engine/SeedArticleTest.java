package io.verbatim.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.verbatim.engine.evaluation.SharedCorpus;
import io.verbatim.engine.model.Analysis;
import io.verbatim.engine.model.EntityType;
import io.verbatim.engine.model.Quote;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The AFP seed dispatch against its gold annotation (shared corpus, not copied into the repository). */
class SeedArticleTest {

    private static JsonNode gold;
    private static Analysis analysis;

    /** Per test, not once per class, so that without the corpus each test is reported skipped with the reason. */
    @BeforeEach
    void analyzeSeedOnce() throws Exception {
        if (gold == null) {
            gold = new ObjectMapper().readTree(SharedCorpus.require("dev/seed-000.json").toFile());
            analysis = Engine.get().analyze(gold.get("text").asText());
        }
    }

    @Test
    void everyTopLevelQuoteHasItsSpanSpeakerAndCue() {
        List<String> expected = new ArrayList<>();
        for (JsonNode q : gold.get("quotes")) {
            expected.add(q.get("start").asInt() + "-" + q.get("end").asInt() + " " + q.get("speaker").asText()
                    + " " + q.get("cue").asText() + " " + q.get("type").asText());
        }
        List<String> actual = analysis.quotes().stream()
                .map(q -> q.start() + "-" + q.end() + " " + analysis.speakerName(q) + " " + q.cue() + " " + q.type().label())
                .toList();
        assertEquals(expected, actual);
    }

    @Test
    void speakersAreDesignatedWhereTheArticleNamesThem() {
        Quote last = analysis.quotes().get(analysis.quotes().size() - 1);
        assertEquals("le ministre belge", last.speakerMention().text());
        assertEquals("homologue belge", last.speakerDescriptor());
        Quote first = analysis.quotes().get(0);
        assertEquals("M. Lecornu", first.speakerMention().text());
        assertEquals("ministre français des Armées", first.speakerDescriptor());
    }

    @Test
    void entitiesMeetTheBarOfTheSeed() {
        int truePositives = 0;
        int gold3 = 0;
        for (JsonNode e : gold.get("entities")) {
            String type = e.get("type").asText();
            if (type.equals("MISC")) {
                continue;
            }
            gold3++;
            int start = e.get("start").asInt();
            int end = e.get("end").asInt();
            if (analysis.mentions().stream().anyMatch(m -> m.start() == start && m.end() == end && m.type().name().equals(type))) {
                truePositives++;
            }
        }
        long predicted = analysis.mentions().stream().filter(m -> m.type() != EntityType.MISC).count();
        double precision = (double) truePositives / predicted;
        double recall = (double) truePositives / gold3;
        double f1 = 2 * precision * recall / (precision + recall);
        assertTrue(f1 >= 0.95, "NER micro-F1 on PER/ORG/LOC was " + f1 + " (p=" + precision + ", r=" + recall + ")");
    }
}
