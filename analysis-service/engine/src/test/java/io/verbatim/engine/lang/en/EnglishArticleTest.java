package io.verbatim.engine.lang.en;

import io.verbatim.engine.ArticleAnalyzer;
import io.verbatim.engine.Languages;
import io.verbatim.engine.model.Analysis;
import io.verbatim.engine.model.EntityType;
import io.verbatim.engine.model.Quote;
import io.verbatim.engine.model.QuoteType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * English as a reader sees it, on an article of our own: the people, places and organisations it names, its quotes
 * in the English conventions (curly and straight marks, nested single quotes, "said Mayor X", "X told reporters
 * that", "according to", a dash before the reporting clause) and who says each.
 */
public class EnglishArticleTest {

    public static final String ARTICLE = """
            Harbour town votes to rebuild its sea wall

            The sea wall of Porthaven, a fishing town in Maine, collapsed during the March storms. On Tuesday \
            the town council voted to rebuild it, ending a year of debate over who should pay.

            “We cannot wait for another winter like the last one,” said Mayor Linda Okafor, who has led the \
            campaign for the repairs since the floods. “The harbour is the reason this town exists.”

            The repairs will take two years, according to the state Transportation Department.

            Daniel Reyes, a fisherman whose boat sank in the storm, told reporters that the vote came too late for \
            many families. "Half of my neighbours have already left," he said. "They were told 'next year' three times."

            Councilwoman Sarah Whitfield argued that the town should first study a plan to move the harbour road inland.

            “The state will pay its share” — a spokesperson for Governor Paul Mercer said on Wednesday.
            """;

    private static Analysis analysis;

    @BeforeAll
    static void analyse() {
        analysis = new ArticleAnalyzer(Languages.require("en")).analyze(ARTICLE);
    }

    @Test
    void englishHasItsOwnAnalyzerVersion() {
        assertEquals("verbatim-en-1", analysis.analyzerVersion());
    }

    @Test
    void namesThePeoplePlacesAndOrganisations() {
        assertEquals(EntityType.PER, typeOf("Linda Okafor"));
        assertEquals(EntityType.PER, typeOf("Daniel Reyes"));
        assertEquals(EntityType.PER, typeOf("Sarah Whitfield"));
        assertEquals(EntityType.LOC, typeOf("Porthaven"));
        assertEquals(EntityType.LOC, typeOf("Maine"));
        assertEquals(EntityType.ORG, typeOf("Transportation Department"));
    }

    @Test
    void aQuoteBeforeSaidMayorIsTheMayorsAndSoIsTheNextOne() {
        Quote first = quoteStarting("We cannot wait");
        assertEquals(QuoteType.DIRECT, first.type());
        assertEquals("We cannot wait for another winter like the last one,", first.text());
        assertEquals("Linda Okafor", analysis.speakerName(first));
        assertEquals("Linda Okafor", analysis.speakerName(quoteStarting("The harbour is the reason")));
    }

    @Test
    void straightMarksWithNestedSingleQuotesAndAPronoun() {
        Quote neighbours = quoteStarting("Half of my neighbours");
        assertEquals("Daniel Reyes", analysis.speakerName(neighbours));
        Quote told = quoteStarting("They were told");
        assertEquals("They were told 'next year' three times.", told.text(), "the single quotes stay inside");
        assertEquals("Daniel Reyes", analysis.speakerName(told));
    }

    @Test
    void toldReportersThatAndArguedThatReportIndirectSpeech() {
        Quote late = quoteStarting("the vote came too late");
        assertEquals(QuoteType.INDIRECT, late.type());
        assertEquals("Daniel Reyes", analysis.speakerName(late));
        assertEquals("Sarah Whitfield", analysis.speakerName(quoteStarting("the town should first study")));
    }

    @Test
    void accordingToNamesTheSource() {
        Quote cost = quoteStarting("The repairs will take");
        assertEquals("according to", cost.cue());
        assertEquals("Transportation Department", analysis.speakerName(cost), cost + " " + names());
    }

    @Test
    void aDashBeforeTheReportingClauseOfASpokesperson() {
        Quote share = quoteStarting("The state will pay");
        assertEquals(QuoteType.DIRECT, share.type());
        assertEquals("Paul Mercer", analysis.speakerName(share), "a spokesperson speaks for the one named after");
        assertTrue(share.speakerDescriptor().contains("spokesperson"), share.toString());
    }

    private static EntityType typeOf(String name) {
        return analysis.entities().stream().filter(e -> e.name().equals(name)).findFirst()
                .map(e -> e.type()).orElseThrow(() -> new AssertionError(name + " not found in " + names()));
    }

    private static List<String> names() {
        return analysis.entities().stream().map(e -> e.name() + "/" + e.type()).toList();
    }

    private static Quote quoteStarting(String start) {
        return analysis.quotes().stream().filter(q -> q.text().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no quote starting '" + start + "' in " + analysis.quotes()));
    }
}
