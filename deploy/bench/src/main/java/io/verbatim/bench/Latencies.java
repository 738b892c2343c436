package io.verbatim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Latency samples of one kind of request, in milliseconds, with their percentiles. */
final class Latencies {

    final String name;
    private final List<Double> millis = new ArrayList<>();

    Latencies(String name) {
        this.name = name;
    }

    synchronized void add(long nanos) {
        millis.add(nanos / 1e6);
    }

    synchronized int count() {
        return millis.size();
    }

    synchronized double percentile(double q) {
        if (millis.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[Math.min(sorted.length - 1, Math.max(0, (int) Math.ceil(q * sorted.length) - 1))];
    }

    static String tableHeader() {
        return String.format(Locale.ROOT, "| %-34s | %6s | %8s | %8s | %8s | %8s |%n|%s|%s|%s|%s|%s|%s|%n",
                "request", "n", "p50 ms", "p95 ms", "p99 ms", "max ms", "-".repeat(36), "-".repeat(8), "-".repeat(10),
                "-".repeat(10), "-".repeat(10), "-".repeat(10));
    }

    String tableRow() {
        return String.format(Locale.ROOT, "| %-34s | %6d | %8.1f | %8.1f | %8.1f | %8.1f |%n", name, count(),
                percentile(0.50), percentile(0.95), percentile(0.99), percentile(1.0));
    }

    String json() {
        return String.format(Locale.ROOT, "\"%s\":{\"n\":%d,\"p50\":%.2f,\"p95\":%.2f,\"p99\":%.2f,\"max\":%.2f}",
                name, count(), percentile(0.50), percentile(0.95), percentile(0.99), percentile(1.0));
    }
}
