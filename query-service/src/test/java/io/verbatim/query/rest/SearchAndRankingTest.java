package io.verbatim.query.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search, keyset pages, speaker rankings and entity statistics, on the real PostgreSQL. Each test works in a
 * period of its own (a random day last century), so rankings do not see other tests' rows.
 */
@QuarkusTest
class SearchAndRankingTest {

    private static final Random DAYS = new Random();

    @Inject
    Fixtures fixtures;

    private static String day() {
        return String.format("19%02d-%02d-%02d", DAYS.nextInt(100), DAYS.nextInt(12) + 1, DAYS.nextInt(28) + 1);
    }

    @Test
    void searchIgnoresAccentsAndHighlightsTheMatchInASnippet() {
        Fixtures.Stored a = fixtures.article("Visite officielle", "2025-03-02T10:00:00Z");
        // "declare" (no accent) finds "a déclaré"; the snippet marks the matched word.
        JsonPath page = given().queryParam("q", "declare").queryParam("source", a.source()).get("/api/v1/articles")
                .then().statusCode(200).body("items.id", contains(a.articleId().toString()))
                .body("items[0].rank", notNullValue()).extract().jsonPath();
        String snippet = page.getString("items[0].snippet.text");
        int start = page.getInt("items[0].snippet.highlights[0].start");
        int end = page.getInt("items[0].snippet.highlights[0].end");
        assertEquals("déclaré", snippet.substring(start, end));
        given().queryParam("q", "ECOLE").queryParam("source", a.source()).get("/api/v1/articles")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void quotesAreSearchableByTheirWordsAndType() {
        Fixtures.Stored a = fixtures.article("Citations", "2025-03-03T10:00:00Z");
        fixtures.quote(a, 200, "les élèves réussiront leurs examens", "ministre de l'Éducation");
        given().queryParam("q", "eleve").queryParam("speaker", a.speakerId()).get("/api/v1/quotes")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].type", equalTo("indirect"));
        given().queryParam("type", "direct").queryParam("speaker", a.speakerId()).get("/api/v1/quotes")
                .then().statusCode(200).body("items.text", contains("Nous tiendrons nos engagements"));
        given().queryParam("quoteType", "indirect").queryParam("source", a.source()).get("/api/v1/articles")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void cursorPagesVisitEveryArticleOnceNewestFirst() {
        String day = day();
        Fixtures.Stored first = fixtures.article("Page 0", day + "T10:00:00Z");
        List<String> expected = new ArrayList<>(List.of(first.articleId().toString()));
        for (int hour = 11; hour < 16; hour++) {
            // Same source for all: the fixture gives each article its own, so filter by date instead.
            expected.add(0, fixtures.article("Page " + hour, day + "T" + hour + ":00:00Z").articleId().toString());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("from", day).queryParam("to", day).queryParam("size", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/articles").then().statusCode(200).extract().jsonPath();
            if (pages == 0) {
                assertEquals(6, page.getInt("total"));
            }
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(expected, seen);
        assertEquals(3, pages);
    }

    @Test
    void quoteSearchPagesVisitEveryMatchOnceWhetherFewOrManyMatch() {
        // Few matches are gathered first and sorted, many are met walking the date index (Sql.newestIds).
        for (int count : new int[]{7, 1100}) {
            Fixtures.Stored a = fixtures.article("Citations en nombre", day() + "T10:00:00Z");
            StringBuilder word = new StringBuilder("mot");
            for (int i = 0; i < 10; i++) {
                word.append((char) ('a' + DAYS.nextInt(26)));
            }
            fixtures.quotes(a, count, "le " + word + " reviendra");
            List<Long> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                var request = given().queryParam("q", word.toString()).queryParam("size", 100);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.get("/api/v1/quotes").then().statusCode(200).extract().jsonPath();
                if (pages == 0) {
                    assertEquals(Math.min(count, 1000), page.getInt("total"));
                    assertEquals(count <= 1000, page.getBoolean("totalIsExact"));
                }
                page.getList("items.id", Long.class).forEach(seen::add);
                cursor = page.getString("nextCursor");
                pages++;
            } while (cursor != null && pages < 20);
            // One article: newest first is then the highest id first, each once.
            List<Long> expected = seen.stream().distinct().sorted(java.util.Comparator.reverseOrder()).toList();
            assertEquals(count, seen.size());
            assertEquals(expected, seen);
        }
    }

    @Test
    void speakersRankByQuotesInThePeriodWithTheirDescriptorsOverTime() {
        String day = day();
        Fixtures.Stored busy = fixtures.article("Bavarde", day + "T08:00:00Z");
        fixtures.quote(busy, 200, "la réforme avance", "ministre du Travail");
        fixtures.quote(busy, 300, "le dialogue continue", "ministre du Travail");
        Fixtures.Stored quiet = fixtures.article("Discrète", day + "T09:00:00Z");
        given().queryParam("from", day).queryParam("to", day).get("/api/v1/speakers")
                .then().statusCode(200)
                .body("items.id", contains((int) busy.speakerId(), (int) quiet.speakerId()))
                .body("items[0].quotes", equalTo(3))
                .body("items[0].latestDescriptor", notNullValue());
        given().queryParam("from", day).queryParam("to", day).get("/api/v1/speakers/{id}", busy.speakerId())
                .then().statusCode(200)
                .body("quotes", equalTo(3)).body("articles", equalTo(1))
                .body("descriptors.descriptor", hasItem("ministre du Travail"))
                .body("quotesPerDay[0].day", equalTo(day)).body("quotesPerDay[0].quotes", equalTo(3));
        given().queryParam("size", 2).get("/api/v1/speakers/{id}/quotes", busy.speakerId())
                .then().statusCode(200).body("items.size()", equalTo(2)).body("nextCursor", notNullValue())
                .body("items[0].articleTitle", equalTo("Bavarde"));
    }

    @Test
    void rankingsOverMonthsAddTheMonthlyRollupToThePartialMonthsAndFollowReanalysis() {
        int year = 1900 + DAYS.nextInt(100);
        Fixtures.Stored busy = fixtures.article("Janvier", year + "-01-20T08:00:00Z");
        fixtures.quote(busy, 200, "la réforme avance", "ministre du Travail");
        UUID february = fixtures.articleQuoting(busy, "Février", year + "-02-10T08:00:00Z");
        fixtures.articleQuoting(busy, "Mars", year + "-03-20T08:00:00Z");
        fixtures.articleQuoting(busy, "Avril, hors période", year + "-04-02T08:00:00Z");
        Fixtures.Stored quiet = fixtures.article("Février aussi", year + "-02-11T08:00:00Z");
        // 15 January to 25 March: February from the rollup, the ends from the quotes themselves.
        String from = year + "-01-15", to = year + "-03-25";
        given().queryParam("from", from).queryParam("to", to).get("/api/v1/speakers")
                .then().statusCode(200)
                .body("items.id", contains((int) busy.speakerId(), (int) quiet.speakerId()))
                .body("items.quotes", contains(4, 1)).body("items.articles", contains(3, 1));
        given().queryParam("from", year + "-01-01").queryParam("to", year + "-12-31").get("/api/v1/speakers")
                .then().statusCode(200).body("items[0].quotes", equalTo(5)).body("items[0].articles", equalTo(4));

        fixtures.deleteQuotes(february);
        given().queryParam("from", from).queryParam("to", to).get("/api/v1/speakers")
                .then().statusCode(200).body("items.quotes", contains(3, 1)).body("items.articles", contains(2, 1));
        given().queryParam("from", year + "-02-01").queryParam("to", year + "-02-28").get("/api/v1/speakers")
                .then().statusCode(200).body("items.id", contains((int) quiet.speakerId()));
    }

    @Test
    void entitiesRankInThePeriodWithCoOccurrencesAndATimeline() {
        String day = day();
        Fixtures.Stored a = fixtures.article("Deux villes", day + "T08:00:00Z");
        Fixtures.Stored b = fixtures.article("Une ville", day + "T09:00:00Z");
        fixtures.alsoNames(b, a);
        JsonPath top = given().queryParam("from", day).queryParam("to", day).queryParam("type", "LOC")
                .get("/api/v1/entities/top").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of((int) a.placeId(), (int) b.placeId()), top.getList("items.id"));
        assertEquals(List.of(2, 1), top.getList("items.articles"));
        given().get("/api/v1/entities/{id}/cooccurring", a.placeId())
                .then().statusCode(200)
                .body("items.id", hasItem((int) b.speakerId()))
                .body("items.id", not(hasItem((int) a.placeId())));
        JsonPath timeline = given().get("/api/v1/entities/{id}/timeline", a.placeId())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(day), timeline.getList("day"));
        assertEquals(List.of(2), timeline.getList("articles"));
        String cursor = given().queryParam("from", day).queryParam("to", day).queryParam("size", 1)
                .get("/api/v1/entities/top").then().statusCode(200).extract().path("nextCursor");
        assertNotNull(cursor);
        given().queryParam("from", day).queryParam("to", day).queryParam("size", 1).queryParam("cursor", cursor)
                .get("/api/v1/entities/top").then().statusCode(200).body("items.size()", equalTo(1));
        assertTrue(top.getList("items").size() >= 2);
    }
}
