package io.verbatim.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract of one topic at one schema version: deploy/contracts/schemas/{topic}.v{version}.schema.json.
 * A writer whose record no longer validates, or a reader that cannot read the examples, breaks the contract;
 * an incompatible change is a new schema version, with a new file.
 */
public final class EventContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    private final String name;
    private final JsonNode document;
    private final Schema schema;

    private EventContract(String name, JsonNode document) {
        this.name = name;
        this.document = document;
        this.schema = SCHEMAS.getSchema(document);
    }

    /** The contract of {@code topic} at {@code schemaVersion}; fails if no schema was written for that version. */
    public static EventContract of(String topic, int schemaVersion) {
        String name = topic + ".v" + schemaVersion + ".schema.json";
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream("contracts/" + name)) {
            if (in == null) {
                throw new AssertionError("no contract for " + topic + " schema version " + schemaVersion
                        + ": a new schema version needs its schema in deploy/contracts/schemas/" + name);
            }
            return new EventContract(name, JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What is wrong with a message, one line per violation; empty when it keeps the contract. */
    public List<String> violations(String message) {
        JsonNode node;
        try {
            node = JSON.readTree(message);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        // Formats (uuid, date-time) are checked too, not only noted: a reader parses them.
        return schema.validate(node, context -> context.executionConfig(c -> c.formatAssertionsEnabled(true)))
                .stream().map(error -> error.getInstanceLocation() + ": " + error.getMessage()).toList();
    }

    /** Fails, naming each violation, unless the message keeps the contract. */
    public void assertKeptBy(String message) {
        List<String> violations = violations(message);
        if (!violations.isEmpty()) {
            throw new AssertionError("message breaks " + name + ":\n  " + String.join("\n  ", violations)
                    + "\n" + message);
        }
    }

    /** The contract's example messages (its "examples"), as JSON text, in the order written. */
    public List<String> examples() {
        List<String> examples = new ArrayList<>();
        document.path("examples").forEach(example -> examples.add(example.toString()));
        return examples;
    }
}
