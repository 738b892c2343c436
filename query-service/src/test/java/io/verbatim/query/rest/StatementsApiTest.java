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
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Statements as a press desk reads them, on the real PostgreSQL: articles are stored with their quotes and
 * grouped by the schema's own function, as analysis-service does. Each test has speakers of its own and a day
 * last century, so it sees only its own statements.
 */
@QuarkusTest
class StatementsApiTest {

    private static final Random DAYS = new Random();

    @Inject
    Fixtures fixtures;

    private static String day() {
        return String.format("19%02d-%02d-%02d", DAYS.nextInt(100), DAYS.nextInt(12) + 1, DAYS.nextInt(20) + 1);
    }

    private static JsonPath statementsOf(long speaker) {
        return given().queryParam("speaker", speaker).get("/api/v1/statements").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void oneDispatchRepublishedByThreeOutletsIsOneStatementPerQuoteFirstReportedByTheAgency() {
        String day = day();
        long mayor = fixtures.speaker("Odile Ferrat");
        String full = "Aucune famille ne sera laissée seule face aux dégâts, nous serons là jusqu’au bout";
        String second = "L’État doit prendre sa part, et vite";
        // Stored in this order; the agency published first.
        UUID weekly = fixtures.reporting("La Tribune drômoise", day + "T08:40:00Z",
                new Fixtures.Said(mayor, full.replace('’', '\'')), new Fixtures.Said(mayor, second.replace('’', '\'')));
        UUID agency = fixtures.reporting("AFP", day + "T08:00:00Z",
                new Fixtures.Said(mayor, full), new Fixtures.Said(mayor, second));
        UUID radio = fixtures.reporting("Radio Valence", day + "T09:15:00Z",
                new Fixtures.Said(mayor, "Aucune famille ne sera laissée seule face aux dégâts"),
                new Fixtures.Said(mayor, "L'ÉTAT doit prendre sa part... et vite !"));

        JsonPath statements = statementsOf(mayor);
        assertEquals(2, statements.getInt("total"));
        for (int i = 0; i < 2; i++) {
            assertEquals(3, statements.getInt("items[" + i + "].articleCount"));
            assertEquals("AFP", statements.getString("items[" + i + "].firstSource"));
            assertEquals(List.of("AFP", "La Tribune drômoise", "Radio Valence"), statements.getList("items[" + i + "].sources"));
            assertEquals(List.of(agency.toString(), weekly.toString(), radio.toString()),
                    statements.getList("items[" + i + "].quotes.articleId"));
            assertEquals("Odile Ferrat", statements.getString("items[" + i + "].speaker.name"));
        }
        // The excerpt's statement shows the full quote.
        assertEquals(List.of(full, second), statements.getList("items.text").stream().sorted().toList());

        long statement = statements.getList("items.text").indexOf(second) == 0 ? statements.getLong("items[0].id")
                : statements.getLong("items[1].id");
        for (UUID article : List.of(weekly, agency, radio)) {
            JsonPath detail = given().get("/api/v1/articles/{id}", article).then().statusCode(200).extract().jsonPath();
            assertEquals(statement, detail.getLong("quotes[1].statementId"));
        }
        given().get("/api/v1/statements/{id}", statement).then().statusCode(200)
                .body("firstSeenAt", equalTo(day + "T08:00:00Z")).body("quotes.source",
                        contains("AFP", "La Tribune drômoise", "Radio Valence"))
                .body("quotes[0].publishedAt", equalTo(day + "T08:00:00Z"));

        // The copies are one story; the agency's is the original.
        given().get("/api/v1/articles/{id}", weekly).then().statusCode(200).body("copyOf", equalTo(agency.toString()))
                .body("copies.id", contains(agency.toString(), radio.toString()));
        given().get("/api/v1/articles/{id}", agency).then().statusCode(200).body("copyOf", nullValue())
                .body("copies.id", contains(weekly.toString(), radio.toString()));
        given().queryParam("source", "Radio Valence").queryParam("from", day).queryParam("to", day)
                .get("/api/v1/articles").then().statusCode(200).body("items.copyOf", contains(agency.toString()));
    }

    @Test
    void excerptsReportedBeforeTheirFullQuoteJoinIt() {
        String day = day();
        long minister = fixtures.speaker("Basile Annequin");
        fixtures.reporting("Le Courrier", day + "T07:00:00Z",
                new Fixtures.Said(minister, "les lignes de nuit reprendront dès le mois prochain"));
        fixtures.reporting("Nord Matin", day + "T07:30:00Z",
                new Fixtures.Said(minister, "Nous avons trouvé les conducteurs qui manquaient"));
        assertEquals(2, statementsOf(minister).getInt("total"));

        String full = "Nous avons trouvé les conducteurs qui manquaient, et les lignes de nuit reprendront dès le mois prochain";
        fixtures.reporting("AFP", day + "T10:00:00Z", new Fixtures.Said(minister, full));
        JsonPath statements = statementsOf(minister);
        assertEquals(1, statements.getInt("total"));
        assertEquals(full, statements.getString("items[0].text"));
        assertEquals(3, statements.getInt("items[0].articleCount"));
        assertEquals("Le Courrier", statements.getString("items[0].firstSource"));
    }

    @Test
    void differentSentencesOfASpeakerAndTheSameWordsOfTwoSpeakersStayApart() {
        String day = day();
        long one = fixtures.speaker("Irène Vautrin");
        long other = fixtures.speaker("Paul Sagnes");
        fixtures.reporting("AFP", day + "T08:00:00Z",
                new Fixtures.Said(one, "Les retards ne sont pas une fatalité"),
                new Fixtures.Said(one, "Les travaux commenceront au printemps"),
                new Fixtures.Said(other, "Les travaux commenceront au printemps"),
                new Fixtures.Said(one, "Le plan de relance coûtera 40 millions d’euros à la région"));
        fixtures.reporting("Ouest Dépêches", day + "T09:00:00Z", new Fixtures.Said(one, "Les retards sont une fatalité"),
                new Fixtures.Said(one, "Le plan de relance coûtera 400 millions d'euros à la région"));

        assertEquals(5, statementsOf(one).getInt("total"));
        assertEquals(1, statementsOf(other).getInt("total"));
        // Nor do the same words a month apart: said again, not reported again.
        fixtures.reporting("AFP", day.substring(0, 5) + "12-28T08:00:00Z", new Fixtures.Said(other, "Les travaux commenceront au printemps"));
        assertEquals(2, statementsOf(other).getInt("total"));
    }

    @Test
    void rankingsCountStatementsWithTheRawCountOfQuotesBeside() {
        String day = day();
        long repeated = fixtures.speaker("Agnès Lormeau");
        long varied = fixtures.speaker("Hugo Vernet");
        List<UUID> copies = new ArrayList<>();
        for (String source : List.of("AFP", "Verbatim Régions", "Nord Éclair Info")) {
            copies.add(fixtures.reporting(source, day + "T08:00:00Z",
                    new Fixtures.Said(repeated, "Nous ne céderons rien sur l’essentiel")));
        }
        fixtures.reporting("AFP", day + "T09:00:00Z", new Fixtures.Said(varied, "Le budget sera voté en juillet"),
                new Fixtures.Said(varied, "Les impôts locaux n’augmenteront pas"));

        given().queryParam("from", day).queryParam("to", day).get("/api/v1/speakers").then().statusCode(200)
                .body("items.id", contains((int) varied, (int) repeated))
                .body("items.statements", contains(2, 1)).body("items.quotes", contains(2, 3));
        given().queryParam("from", day).queryParam("to", day).get("/api/v1/speakers/{id}", repeated)
                .then().statusCode(200).body("statements", equalTo(1)).body("quotes", equalTo(3));

        // An article's quotes gone (a re-analysis that finds none): the statement has one report less.
        fixtures.deleteQuotes(copies.get(2));
        assertEquals(2, statementsOf(repeated).getInt("items[0].articleCount"));
    }

    @Test
    void filtersCombineAndPagesVisitEachStatementOnceNewestFirst() {
        String day = day();
        long speaker = fixtures.speaker("Rémi Castagne");
        for (int hour = 8; hour < 13; hour++) {
            fixtures.reporting(hour % 2 == 0 ? "AFP" : "Le Courrier", day + "T" + hour + ":00:00Z",
                    new Fixtures.Said(speaker, "Le port de commerce rouvrira le " + (hour + 2) + " du mois, avec "
                            + (hour * 7) + " dockers de plus"));
        }
        List<Long> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("speaker", speaker).queryParam("size", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/statements").then().statusCode(200).extract().jsonPath();
            page.getList("items.id", Long.class).forEach(seen::add);
            cursor = page.getString("nextCursor");
        } while (cursor != null && seen.size() < 20);
        assertEquals(5, seen.size());
        assertEquals(seen.stream().sorted(java.util.Comparator.reverseOrder()).toList(), seen);

        given().queryParam("speaker", speaker).queryParam("source", "Le Courrier").get("/api/v1/statements")
                .then().statusCode(200).body("total", equalTo(2));
        given().queryParam("speaker", speaker).queryParam("q", "dockers port").queryParam("from", day + "T10:00:00Z")
                .get("/api/v1/statements").then().statusCode(200).body("total", equalTo(3));
        given().get("/api/v1/statements/{id}", Long.MAX_VALUE).then().statusCode(404);
        given().get("/api/v1/statements/{id}", "douze").then().statusCode(400).body("errors[0].parameter", equalTo("id"));
        given().queryParam("speaker", "x").get("/api/v1/statements").then().statusCode(400)
                .body("errors[0].parameter", equalTo("speaker"));
    }
}
