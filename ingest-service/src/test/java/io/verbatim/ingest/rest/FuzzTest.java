package io.verbatim.ingest.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.verbatim.ingest.ManagementInterface.management;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random and adversarial requests (seeded, so a failure can be replayed): every answer is a 2xx, or a 4xx with a
 * problem+json body, never a 5xx nor a stack trace, and the service is still healthy afterwards.
 */
@QuarkusTest
class FuzzTest {

    private final Random random = new Random(20261126);

    @Test
    void adversarialBodiesNeverBreakTheService() {
        List<byte[]> bodies = new ArrayList<>();
        String[] adversarial = {
                "", "null", "[]", "{}", "\"text\"", "12", "true", "{\"title\":12,\"body\":[]}",
                "{\"title\":\"t\",\"body\":{\"a\":1}}", "{\"title\":\"t\",\"body\":\"b\",\"publishedAt\":{}}",
                "{\"title\":\"t\",\"body\":\"b\",\"authors\":\"one\"}", "{\"title\":\"t\",\"body\":\"b\",\"authors\":[1,[2]]}",
                "{\"title\":\"t\",\"body\":\"b\",\"publishedAt\":\"2025-13-45T99:99:99Z\"}",
                "{\"title\":\"t\",\"body\":\"b\",\"url\":\"javascript:alert(1)\"}",
                "{\"title\":\"<script>alert(1)</script>\",\"body\":\"<img src=x onerror=alert(1)>\"}",
                "{\"title\":\"\\u0000\\u0001\\u001f\",\"body\":\"\\u0007 bell \\u202e RTL override\"}",
                "{\"title\":\"Émoji 🎉 مرحبا\",\"body\":\"שלום 👩‍👩‍👧 ليبيا « ok »\"}",
                "{\"title\":\"t\",\"body\":\"b\",\"language\":\"'; DROP TABLE article; --\"}",
                "{\"title\":\"t\"" + ",\"x\":1".repeat(10_000) + ",\"body\":\"b\"}",
                "[".repeat(5_000) + "]".repeat(5_000),
                "{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000),
                "{\"title\":\"t\",\"body\":\"" + "mot ".repeat(100_000) + "\"}",
        };
        for (String body : adversarial) {
            bodies.add(body.getBytes(StandardCharsets.UTF_8));
        }
        bodies.add(new byte[]{'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        bodies.add(new byte[]{(byte) 0xFF, (byte) 0xFE, (byte) 0x00, (byte) 0x7B});
        for (int i = 0; i < 150; i++) {
            bodies.add(randomJson(random, 0).getBytes(StandardCharsets.UTF_8));
        }
        for (byte[] body : bodies) {
            check(Api.client().contentType("application/json").body(body).post("/api/v1/articles"));
            check(Api.client().contentType("application/json").body(body).post("/api/v1/articles/batch"));
            check(Api.client().contentType("application/x-ndjson").body(body).post("/api/v1/articles/batch"));
        }
        check(Api.client().contentType("application/json").body(new byte[10 * 1024 * 1024]).post("/api/v1/articles"));
        check(Api.client().contentType("application/xml").body("<a/>").post("/api/v1/articles"));
        check(Api.client().get("/api/v1/articles"));
        management().get("/q/health/ready").then().statusCode(200);
    }

    private static void check(Response response) {
        int status = response.statusCode();
        String body = response.asString();
        assertTrue(status < 500, () -> "status " + status + ": " + body);
        assertFalse(body.contains("Exception") || body.contains("\tat "), () -> "internals leaked: " + body);
        if (status >= 400) {
            assertEquals("application/problem+json", response.contentType().split(";")[0], () -> status + " " + body);
        }
    }

    private static String randomJson(Random random, int depth) {
        int kind = depth > 4 ? random.nextInt(4) : random.nextInt(7);
        return switch (kind) {
            case 0 -> Integer.toString(random.nextInt());
            case 1 -> random.nextBoolean() ? "null" : "true";
            case 2, 3 -> "\"" + randomString(random) + "\"";
            case 4 -> "[" + randomJson(random, depth + 1) + "," + randomJson(random, depth + 1) + "]";
            default -> {
                String[] fields = {"title", "body", "url", "source", "language", "publishedAt", "authors", "x"};
                StringBuilder object = new StringBuilder("{");
                int n = random.nextInt(5);
                for (int i = 0; i < n; i++) {
                    object.append(i > 0 ? "," : "").append('"').append(fields[random.nextInt(fields.length)])
                            .append("\":").append(randomJson(random, depth + 1));
                }
                yield object.append('}').toString();
            }
        };
    }

    private static String randomString(Random random) {
        String alphabet = "aé « »\"\\/<>&;'%_\u00a0\u2028🎉\u0000";
        StringBuilder s = new StringBuilder();
        int length = random.nextInt(30);
        for (int i = 0; i < length; i++) {
            char c = alphabet.charAt(random.nextInt(alphabet.length()));
            s.append(c == '"' || c == '\\' ? "\\" + c : c == '\u0000' ? "\\u0000" : String.valueOf(c));
        }
        return s.toString();
    }
}
