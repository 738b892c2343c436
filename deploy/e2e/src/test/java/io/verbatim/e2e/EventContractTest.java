package io.verbatim.e2e;

import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** ingest-service writes articles.raw and analysis-service reads it: both must name the same fields and types. */
class EventContractTest {

    private static List<String> fields(Class<?> record) {
        return Arrays.stream(record.getRecordComponents())
                .map((RecordComponent c) -> c.getName() + ":" + c.getGenericType().getTypeName())
                .toList();
    }

    @Test
    void rawArticleEventIsReadAsItIsWritten() throws Exception {
        Class<?> written = Class.forName("io.verbatim.ingest.messaging.RawArticleEvent");
        Class<?> read = Class.forName("io.verbatim.analysis.messaging.RawArticle");
        assertEquals(fields(written), fields(read));
        assertEquals(written.getField("SCHEMA_VERSION").get(null), read.getField("SCHEMA_VERSION").get(null));
    }
}
