package io.verbatim.k8s;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's application.properties says: its HTTP and management ports, the environment it reads, its
 * topics and the rest of its properties (prod values: a "${VAR:default}" reads as its default).
 */
record ServiceConfig(String name, int httpPort, int managementPort, Set<String> environment, Set<String> topics,
                     Properties properties) {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern DEFAULT = Pattern.compile("^\\$\\{[A-Za-z0-9_.]+:(.*)}$");

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
        ServiceConfig partial = new ServiceConfig(service, 0, 0, environment, topics, properties);
        return new ServiceConfig(service, partial.intValue("quarkus.http.port", 8080),
                partial.intValue("quarkus.management.port", 9000), environment, topics, properties);
    }

    /** A property's production value: its default when it is "${VAR:default}". */
    Optional<String> value(String key) {
        String raw = properties.getProperty(key);
        if (raw == null) {
            return Optional.empty();
        }
        Matcher m = DEFAULT.matcher(raw.trim());
        return Optional.of(m.matches() ? m.group(1) : raw.trim());
    }

    int intValue(String key, int fallback) {
        return value(key).map(Integer::parseInt).orElse(fallback);
    }

    boolean flag(String key) {
        return value(key).map(Boolean::parseBoolean).orElse(false);
    }

    /** Quarkus' memory size ("32M", "16K", "1048576") in bytes. */
    static long bytes(String size) {
        String s = size.trim().toUpperCase(Locale.ROOT);
        long unit = switch (s.charAt(s.length() - 1)) {
            case 'K' -> 1L << 10;
            case 'M' -> 1L << 20;
            case 'G' -> 1L << 30;
            default -> 1;
        };
        return Long.parseLong(unit == 1 ? s : s.substring(0, s.length() - 1)) * unit;
    }

    /** Quarkus' duration ("10s", "5m", "PT10S"). */
    static Duration duration(String value) {
        String s = value.trim();
        return s.startsWith("P") ? Duration.parse(s) : Duration.parse("PT" + s.toUpperCase(Locale.ROOT));
    }

    /** The consumer group prefix of an incoming channel: "query-stream-${quarkus.uuid}" is "query-stream-". */
    static String groupPrefix(String group) {
        int variable = group.indexOf("${");
        return variable < 0 ? group : group.substring(0, variable);
    }
}
