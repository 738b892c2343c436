package io.verbatim.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Renders a kustomization with kubectl (installed by deploy/k8s/tools/install-kubectl.sh when missing). */
final class Kustomize {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Kustomize() {
    }

    static Path repo() {
        return Path.of(System.getProperty("verbatim.repo", "../../..")).toAbsolutePath().normalize();
    }

    static List<JsonNode> render(Path kustomization) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(kubectl().toString(), "kustomize", kustomization.toString())
                .redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException("kustomize failed on " + kustomization + ": " + err);
        }
        List<JsonNode> objects = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(out)) {
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode node = it.next();
                if (node != null && !node.isNull() && !node.isEmpty()) {
                    objects.add(node);
                }
            }
        }
        return objects;
    }

    private static synchronized Path kubectl() throws IOException, InterruptedException {
        Path kubectl = repo().resolve("deploy/k8s/tools/bin/kubectl");
        if (!Files.isExecutable(kubectl)) {
            Process install = new ProcessBuilder("bash", repo().resolve("deploy/k8s/tools/install-kubectl.sh").toString())
                    .inheritIO().start();
            if (install.waitFor() != 0) {
                throw new IllegalStateException("cannot install kubectl: see deploy/k8s/tools/install-kubectl.sh");
            }
        }
        return kubectl;
    }
}
