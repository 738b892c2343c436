package io.verbatim.contracts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each contract's examples keep it, and the schema is strict enough to catch the drift it exists to catch. */
class EventContractTest {

    @ParameterizedTest
    @CsvSource({"articles.raw, 1", "articles.tagged, 1"})
    void examplesKeepTheirContract(String topic, int version) {
        EventContract contract = EventContract.of(topic, version);
        assertFalse(contract.examples().isEmpty(), "a contract without examples gives readers nothing to test on");
        contract.examples().forEach(contract::assertKeptBy);
    }

    @ParameterizedTest
    @CsvSource({"articles.raw, 1, title, headline", "articles.tagged, 1, speakerDescriptor, descriptorOfSpeaker",
            "articles.tagged, 1, schemaVersion, version", "articles.tagged, 1, entityId, entity"})
    void aRenamedFieldBreaksTheContract(String topic, int version, String field, String renamed) {
        EventContract contract = EventContract.of(topic, version);
        String example = contract.examples().get(0);
        assertTrue(example.contains("\"" + field + "\":"), field + " is in the first example");
        List<String> violations = contract.violations(example.replace("\"" + field + "\":", "\"" + renamed + "\":"));
        assertTrue(violations.stream().anyMatch(v -> v.contains(renamed)), "unknown property reported: " + violations);
        assertTrue(violations.stream().anyMatch(v -> v.contains(field)), "missing property reported: " + violations);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "articles.raw | \"id\":\"0ca31174-2924-3aa0-83a7-2c5807ed07ac\" | \"id\":\"not-a-uuid\"",
            "articles.raw | \"publishedAt\":\"2025-06-12T12:30:00Z\" | \"publishedAt\":\"12/06/2025\"",
            "articles.tagged | \"type\":\"direct\" | \"type\":\"verbatim\"",
            "articles.tagged | \"confidence\":0.9 | \"confidence\":\"high\""})
    void aValueOfTheWrongKindBreaksTheContract(String topic, String field, String wrong) {
        String example = EventContract.of(topic, 1).examples().get(0);
        assertTrue(example.contains(field), field + " is in the first example");
        assertFalse(EventContract.of(topic, 1).violations(example.replace(field, wrong)).isEmpty(), wrong);
    }

    /** A field added to a version after its first records were written must stay optional, and typed. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "articles.tagged | 1 | statementId | 7 | \"7\"",
            "articles.raw | 1 | languageSource | \"detected\" | \"guessed\"",
            "articles.tagged | 1 | languageSource | \"detected\" | true"})
    void anOptionalFieldMayBeAbsentButNotOfTheWrongKind(String topic, int version, String field, String value,
                                                        String wrong) {
        EventContract contract = EventContract.of(topic, version);
        String example = contract.examples().get(0);
        String present = "\"" + field + "\":" + value;
        assertTrue(example.contains(present), present + " is in the first example");
        contract.assertKeptBy(example.replace("," + present, ""));
        assertFalse(contract.violations(example.replace(present, "\"" + field + "\":" + wrong)).isEmpty(), wrong);
    }

    @ParameterizedTest
    @CsvSource({"articles.raw, 2", "articles.tagged, 2"})
    void aVersionWithoutItsSchemaFails(String topic, int version) {
        assertThrows(AssertionError.class, () -> EventContract.of(topic, version));
    }
}
