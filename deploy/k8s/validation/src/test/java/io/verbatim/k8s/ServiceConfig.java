package io.verbatim.k8s;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a service's application.properties says: its HTTP port, the environment it reads, its topics. */
record ServiceConfig(String name, int httpPort, Set<String> environment, Set<String> topics, Properties properties) {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");

    static ServiceConfig of(Path repo, String service) throws IOException {
        Path file = repo.resolve(service).resolve("src/main/resources/application.properties");
        String text = Files.readString(file);
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        Set<String> environment = new TreeSet<>();
        Matcher m = ENV_REFERENCE.matcher(text);
        while (m.find()) {
            environment.add(m.group(1));
        }
        Set<String> topics = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("mp.messaging.") && key.endsWith(".topic")) {
                topics.add(properties.getProperty(key));
            }
        }
        Matcher port = Pattern.compile("\\$\\{[A-Z_]+:(\\d+)}|^(\\d+)$")
                .matcher(properties.getProperty("quarkus.http.port", "8080"));
        int httpPort = port.find() ? Integer.parseInt(port.group(1) != null ? port.group(1) : port.group(2)) : 8080;
        return new ServiceConfig(service, httpPort, environment, topics, properties);
    }
}
