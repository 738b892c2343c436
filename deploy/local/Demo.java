import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Posts an article to ingest-service, waits until query-service serves it analysed and prints it as text.
 * Run by deploy/local/run.sh with the JDK's single-file launcher (no curl or jq needed):
 *   java deploy/local/Demo.java http://127.0.0.1:8081 deploy/local/sample-article.json
 */
public class Demo {

    public static void main(String[] args) throws Exception {
        String ingest = args[0];
        String article = Files.readString(Path.of(args[1]));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        long posted = System.nanoTime();
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(ingest + "/api/v1/articles"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(article));
        if (args.length > 2 && !args[2].isEmpty()) {
            post.header("X-API-Key", args[2]);
        }
        HttpResponse<String> accepted = http.send(post.build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            System.err.println("ingest answered " + accepted.statusCode() + ": " + accepted.body());
            System.exit(1);
        }
        String location = accepted.headers().firstValue("Location").orElseThrow();
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(accepted.body());
        Matcher language = Pattern.compile("\"language\"\\s*:\\s*\"([^\"]+)\"").matcher(accepted.body());
        Matcher source = Pattern.compile("\"languageSource\"\\s*:\\s*\"([^\"]+)\"").matcher(accepted.body());
        System.out.println("POST /api/v1/articles -> 202 Accepted, id " + (id.find() ? id.group(1) : "?") + ", language "
                + (language.find() ? language.group(1) : "?") + " (" + (source.find() ? source.group(1) : "?") + ")");
        System.out.println("waiting for " + location);

        // An article posted before is already there: wait a little for this delivery's analysis, which
        // refreshes it only when the analyzer changed since.
        Instant postedAt = Instant.now().minusSeconds(2);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long staleSince = -1;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(location)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                Matcher analyzedAt = Pattern.compile("\"analyzedAt\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
                boolean fresh = analyzedAt.find() && !Instant.parse(analyzedAt.group(1)).isBefore(postedAt);
                staleSince = staleSince < 0 ? System.nanoTime() : staleSince;
                if (fresh || System.nanoTime() - staleSince > Duration.ofSeconds(15).toNanos()) {
                    System.out.println(fresh
                            ? String.format("analysed and stored in %d ms%n", (System.nanoTime() - posted) / 1_000_000)
                            : "already analysed earlier by the same analyzer version (posting it again changes nothing)\n");
                    System.out.println(http.send(HttpRequest.newBuilder(URI.create(location)).header("Accept", "text/plain")
                            .build(), HttpResponse.BodyHandlers.ofString()).body());
                    return;
                }
            }
            Thread.sleep(200);
        }
        System.err.println("the article did not appear in query-service; see the logs of analysis-service");
        System.exit(1);
    }
}
