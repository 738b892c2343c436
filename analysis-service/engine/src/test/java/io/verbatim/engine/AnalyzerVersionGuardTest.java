package io.verbatim.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.verbatim.engine.lang.Language;
import io.verbatim.engine.lang.en.English;
import io.verbatim.engine.lang.en.EnglishArticleTest;
import io.verbatim.engine.lang.fr.French;
import io.verbatim.engine.model.Analysis;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Stored articles are re-analysed when their language's analyzer version moves, so the version must move whenever
 * the output does. This test fingerprints what the engine finds on texts of our own (the gold articles of
 * {@code src/test/resources/gold} and the demo article, always in the repository) and compares it with the
 * fingerprint recorded for the current version in {@code analyzer-fingerprint.txt} (English: on the article of
 * {@link EnglishArticleTest}, in {@code analyzer-fingerprint-en.txt}). After a
 * change of output: bump the language's analyzer version ({@link Language#analyzerVersion()}), then run this test
 * once with {@code -Dverbatim.recordFingerprint=true} to record the new pair.
 */
class AnalyzerVersionGuardTest {

    private static final Path RECORD = Path.of("src/test/resources/analyzer-fingerprint.txt");
    private static final Path ENGLISH_RECORD = Path.of("src/test/resources/analyzer-fingerprint-en.txt");

    @Test
    void theFrenchVersionMovesWithTheOutput() throws Exception {
        check(French.LANGUAGE, Engine.get(), texts(Path.of("src/test/resources/gold"),
                Path.of("../../deploy/local/sample-article.json")), RECORD);
    }

    /** English on the article of our own that its tests read. */
    @Test
    void theEnglishVersionMovesWithTheOutput() throws Exception {
        check(English.LANGUAGE, new ArticleAnalyzer(English.LANGUAGE), List.of(EnglishArticleTest.ARTICLE), ENGLISH_RECORD);
    }

    private static void check(Language language, ArticleAnalyzer analyzer, List<String> texts, Path record) throws Exception {
        String fingerprint = fingerprint(analyzer, texts);
        if (Boolean.getBoolean("verbatim.recordFingerprint")) {
            Files.writeString(record, language.analyzerVersion() + " " + fingerprint + "\n");
        }
        String[] recorded = Files.readString(record).strip().split(" ");
        if (!recorded[1].equals(fingerprint)) {
            assertNotEquals(recorded[0], language.analyzerVersion(), "the engine's output changed but the analyzer "
                    + "version is still " + recorded[0] + ": bump it so stored articles are re-analysed");
        }
        assertEquals(recorded[0] + " " + recorded[1], language.analyzerVersion() + " " + fingerprint,
                "record the new version's fingerprint: run this test with -Dverbatim.recordFingerprint=true");
    }

    /** The texts of the gold articles of a folder, then of the demo article. */
    private static List<String> texts(Path goldFolder, Path demoArticle) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        try (Stream<Path> gold = Files.list(goldFolder)) {
            for (Path file : gold.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                texts.add(json.readTree(file.toFile()).get("text").asText());
            }
        }
        texts.add(json.readTree(demoArticle.toFile()).get("body").asText());
        return texts;
    }

    private static String fingerprint(ArticleAnalyzer analyzer, List<String> texts) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        for (String text : texts) {
            Analysis analysis = analyzer.analyze(text);
            StringBuilder output = new StringBuilder();
            analysis.mentions().forEach(m -> output.append(m.start()).append(':').append(m.end()).append(m.type())
                    .append(analysis.entities().get(m.entity()).name()).append('\n'));
            analysis.quotes().forEach(q -> output.append(q.start()).append(':').append(q.end()).append(q.type())
                    .append(q.cue()).append(analysis.speakerName(q)).append('\n'));
            digest.update(output.toString().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
