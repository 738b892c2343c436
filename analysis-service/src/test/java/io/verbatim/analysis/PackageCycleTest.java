package io.verbatim.analysis;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The packages of the service depend on each other in one direction only (the flow in the README). */
class PackageCycleTest {

    private static final Path SOURCES = Path.of("src/main/java/io/verbatim/analysis");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.verbatim\\.analysis\\.([a-z]+)\\.",
            Pattern.MULTILINE);

    @Test
    void noPackageDependsBackOnOneThatDependsOnIt() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                String from = SOURCES.relativize(file).getName(0).toString();
                Matcher m = IMPORT.matcher(read(file));
                while (m.find()) {
                    if (!m.group(1).equals(from)) {
                        uses.computeIfAbsent(from, k -> new TreeSet<>()).add(m.group(1));
                    }
                }
            });
        }
        List<String> cycles = new ArrayList<>();
        uses.forEach((from, targets) -> targets.forEach(to -> {
            if (reaches(uses, to, from, new TreeSet<>())) {
                cycles.add(from + " -> " + to);
            }
        }));
        assertEquals(List.of(), cycles, "package dependencies " + uses);
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String target, Set<String> seen) {
        if (from.equals(target)) {
            return true;
        }
        return seen.add(from) && uses.getOrDefault(from, Set.of()).stream().anyMatch(n -> reaches(uses, n, target, seen));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
