package io.verbatim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Where the machine's CPU goes while the pipeline runs: CPU time of each part (services, Kafka, PostgreSQL, the
 * benchmark client), and of it the JVM's JIT compiler threads, between two snapshots. On a 2-core machine that
 * runs everything, this is what bounds the pipeline: each part's milliseconds per article add up.
 */
final class CpuBudget {

    /** Linux reports thread CPU in clock ticks of 1/100 s (USER_HZ, 100 on every mainstream kernel). */
    private static final double MS_PER_TICK = 10;

    private final Map<String, Supplier<Stream<ProcessHandle>>> parts = new LinkedHashMap<>();

    /** A part, as the processes it is made of at the moment of each snapshot. */
    CpuBudget part(String name, Supplier<Stream<ProcessHandle>> processes) {
        parts.put(name, processes);
        return this;
    }

    Snapshot snapshot() {
        Map<String, double[]> used = new LinkedHashMap<>();
        parts.forEach((name, processes) -> used.put(name, processes.get()
                .map(p -> new double[]{p.info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e6, jitMillis(p.pid())})
                .reduce(new double[2], (a, b) -> new double[]{a[0] + b[0], a[1] + b[1]})));
        return new Snapshot(used);
    }

    /** CPU used per part since `before`: total and JIT milliseconds. */
    record Snapshot(Map<String, double[]> used) {

        /** A markdown table of CPU milliseconds per article between `before` and this snapshot. */
        String perArticle(Snapshot before, int articles) {
            StringBuilder t = new StringBuilder("| part | CPU ms per article | of it JIT compiler |\n|---|---|---|\n");
            double total = 0, jit = 0;
            for (var e : used.entrySet()) {
                double[] was = before.used.getOrDefault(e.getKey(), new double[2]);
                double ms = (e.getValue()[0] - was[0]) / articles, jitMs = (e.getValue()[1] - was[1]) / articles;
                total += ms;
                jit += jitMs;
                t.append(String.format(Locale.ROOT, "| %s | %.1f | %.1f |%n", e.getKey(), ms, jitMs));
            }
            return t.append(String.format(Locale.ROOT, "| all | %.1f | %.1f |%n", total, jit)).toString();
        }

        double total(Snapshot before) {
            return used.entrySet().stream()
                    .mapToDouble(e -> e.getValue()[0] - before.used.getOrDefault(e.getKey(), new double[2])[0]).sum();
        }
    }

    /** CPU of the JIT compiler threads ("C1/C2 CompilerThreadN") of a JVM; 0 for other processes. */
    private static double jitMillis(long pid) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        double ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    if (!Files.readString(thread.resolve("comm")).contains("CompilerThre")) {
                        continue;
                    }
                    String stat = Files.readString(thread.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (IOException | RuntimeException e) {
                    // The thread ended meanwhile.
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks * MS_PER_TICK;
    }
}
