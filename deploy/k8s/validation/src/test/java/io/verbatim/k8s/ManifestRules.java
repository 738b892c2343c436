package io.verbatim.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What must hold across the rendered objects of an overlay and the services' own configuration: selectors,
 * ports, probes, limits, hardening, references, environment, topics and autoscaling bounds.
 */
final class ManifestRules {

    /** Variables read by the base image's run-java.sh rather than by the application. */
    private static final Set<String> RUN_JAVA_ENV = Set.of("JAVA_OPTS", "JAVA_OPTS_APPEND", "JAVA_MAX_MEM_RATIO",
            "JAVA_INITIAL_MEM_RATIO", "GC_MAX_METASPACE_SIZE");
    /** Secrets the operator of the cluster creates at install time (README, "Kubernetes"), with their keys. */
    private static final Map<String, Set<String>> INSTALL_TIME_SECRETS = Map.of("verbatim-api-keys",
            Set.of("VERBATIM_API_KEYS"));
    /** Keys of the "<cluster>-app" secret CloudNativePG creates. */
    private static final Set<String> CNPG_APP_SECRET_KEYS = Set.of("username", "password", "host", "port", "dbname",
            "uri", "jdbc-uri", "pgpass", "user");

    private final List<JsonNode> objects;
    private final Map<String, ServiceConfig> services;
    private final List<String> problems = new ArrayList<>();

    ManifestRules(List<JsonNode> objects, Map<String, ServiceConfig> services) {
        this.objects = objects;
        this.services = services;
    }

    List<String> check() {
        for (JsonNode deployment : ofKind("Deployment")) {
            checkDeployment(deployment);
        }
        ofKind("Service").forEach(this::checkService);
        ofKind("Ingress").forEach(this::checkIngress);
        ofKind("HorizontalPodAutoscaler").forEach(h -> requireDeployment(h, h.path("spec").path("scaleTargetRef").path("name").asText()));
        ofKind("PodDisruptionBudget").forEach(p -> requireSelected(p, p.path("spec").path("selector").path("matchLabels")));
        checkTopics();
        ofKind("ScaledObject").forEach(this::checkScaledObject);
        checkEndpoints();
        return problems;
    }

    private void checkDeployment(JsonNode deployment) {
        String id = StrictModel.id(deployment);
        JsonNode template = deployment.path("spec").path("template");
        JsonNode labels = template.path("metadata").path("labels");
        deployment.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(e -> {
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                problems.add(id + ": selector " + e.getKey() + "=" + e.getValue().asText() + " does not match the pod labels");
            }
        });
        JsonNode pod = template.path("spec");
        if (!pod.path("securityContext").path("runAsNonRoot").asBoolean(false)) {
            problems.add(id + ": pod must set securityContext.runAsNonRoot");
        }
        ServiceConfig service = services.get(deployment.path("metadata").path("name").asText());
        for (JsonNode container : pod.path("containers")) {
            String where = id + " container " + container.path("name").asText();
            Set<String> portNames = new HashSet<>();
            Set<Integer> portNumbers = new HashSet<>();
            for (JsonNode port : container.path("ports")) {
                portNames.add(port.path("name").asText());
                portNumbers.add(port.path("containerPort").asInt());
                if (service != null && port.path("containerPort").asInt() != service.httpPort()) {
                    problems.add(where + ": containerPort " + port.path("containerPort").asInt() + " but "
                            + service.name() + " listens on " + service.httpPort());
                }
            }
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                JsonNode http = container.path(probe).path("httpGet");
                if (http.isMissingNode()) {
                    problems.add(where + ": no " + probe);
                    continue;
                }
                if (!http.path("path").asText().startsWith("/q/health")) {
                    problems.add(where + ": " + probe + " does not use /q/health");
                }
                JsonNode port = http.path("port");
                if (port.isInt() ? !portNumbers.contains(port.asInt()) : !portNames.contains(port.asText())) {
                    problems.add(where + ": " + probe + " port " + port.asText() + " is not a container port");
                }
            }
            if (container.path("resources").path("limits").path("memory").isMissingNode()) {
                problems.add(where + ": no memory limit");
            }
            JsonNode security = container.path("securityContext");
            if (security.path("allowPrivilegeEscalation").asBoolean(true)) {
                problems.add(where + ": allowPrivilegeEscalation must be false");
            }
            if (!security.path("readOnlyRootFilesystem").asBoolean(false)) {
                problems.add(where + ": readOnlyRootFilesystem must be true");
            }
            if (!security.path("capabilities").path("drop").toString().contains("\"ALL\"")) {
                problems.add(where + ": capabilities must drop ALL");
            }
            checkEnvironment(where, container, service);
        }
    }

    private void checkEnvironment(String where, JsonNode container, ServiceConfig service) {
        Set<String> names = new TreeSet<>();
        for (JsonNode env : container.path("env")) {
            names.add(env.path("name").asText());
            JsonNode secret = env.path("valueFrom").path("secretKeyRef");
            if (!secret.isMissingNode()) {
                requireSecret(where, secret.path("name").asText(), secret.path("key").asText());
            }
        }
        for (JsonNode from : container.path("envFrom")) {
            String configMap = from.path("configMapRef").path("name").asText(null);
            if (configMap != null) {
                JsonNode data = byName("ConfigMap", configMap);
                if (data == null) {
                    problems.add(where + ": ConfigMap " + configMap + " does not exist");
                } else {
                    data.path("data").fieldNames().forEachRemaining(names::add);
                }
            }
        }
        if (service == null) {
            return;
        }
        for (String name : names) {
            if (!service.environment().contains(name) && !RUN_JAVA_ENV.contains(name)) {
                problems.add(where + ": environment variable " + name + " is not read by " + service.name());
            }
        }
    }

    private void requireSecret(String where, String name, String key) {
        JsonNode secret = byName("Secret", name);
        if (secret != null) {
            if (!secret.path("data").has(key) && !secret.path("stringData").has(key)) {
                problems.add(where + ": Secret " + name + " has no key " + key);
            }
            return;
        }
        if (INSTALL_TIME_SECRETS.containsKey(name)) {
            if (!INSTALL_TIME_SECRETS.get(name).contains(key)) {
                problems.add(where + ": Secret " + name + " is documented without a key " + key);
            }
            return;
        }
        boolean madeByCnpg = ofKind("Cluster").stream()
                .anyMatch(c -> name.equals(c.path("metadata").path("name").asText() + "-app"));
        if (!madeByCnpg) {
            problems.add(where + ": Secret " + name + " does not exist and no operator creates it");
        } else if (!CNPG_APP_SECRET_KEYS.contains(key)) {
            problems.add(where + ": CloudNativePG's secret " + name + " has no key " + key);
        }
    }

    private void checkService(JsonNode service) {
        JsonNode selector = service.path("spec").path("selector");
        List<JsonNode> pods = podsSelectedBy(selector);
        if (pods.isEmpty()) {
            problems.add(StrictModel.id(service) + ": selector matches no Deployment");
            return;
        }
        for (JsonNode port : service.path("spec").path("ports")) {
            JsonNode target = port.path("targetPort");
            for (JsonNode pod : pods) {
                boolean found = false;
                for (JsonNode container : pod.path("spec").path("containers")) {
                    for (JsonNode p : container.path("ports")) {
                        found |= target.isInt() ? p.path("containerPort").asInt() == target.asInt()
                                : p.path("name").asText().equals(target.asText());
                    }
                }
                if (!found) {
                    problems.add(StrictModel.id(service) + ": targetPort " + target.asText() + " is not a port of its pods");
                }
            }
        }
    }

    private void checkIngress(JsonNode ingress) {
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                JsonNode backend = path.path("backend").path("service");
                JsonNode service = byName("Service", backend.path("name").asText());
                if (service == null) {
                    problems.add(StrictModel.id(ingress) + ": backend Service " + backend.path("name").asText() + " does not exist");
                    continue;
                }
                String portName = backend.path("port").path("name").asText(null);
                int portNumber = backend.path("port").path("number").asInt(-1);
                boolean found = false;
                for (JsonNode p : service.path("spec").path("ports")) {
                    found |= portName != null ? portName.equals(p.path("name").asText()) : p.path("port").asInt() == portNumber;
                }
                if (!found) {
                    problems.add(StrictModel.id(ingress) + ": Service " + backend.path("name").asText() + " has no port "
                            + (portName != null ? portName : portNumber));
                }
            }
        }
    }

    private void checkTopics() {
        Set<String> declared = new TreeSet<>();
        int brokers = ofKind("KafkaNodePool").stream().filter(p -> p.path("spec").path("roles").toString().contains("broker"))
                .mapToInt(p -> p.path("spec").path("replicas").asInt()).sum();
        Set<String> clusters = new HashSet<>();
        ofKind("Kafka").forEach(k -> clusters.add(k.path("metadata").path("name").asText()));
        for (JsonNode topic : ofKind("KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText(topic.path("metadata").path("name").asText());
            declared.add(name);
            String cluster = topic.path("metadata").path("labels").path("strimzi.io/cluster").asText();
            if (!clusters.contains(cluster)) {
                problems.add(StrictModel.id(topic) + ": strimzi.io/cluster " + cluster + " is not a Kafka of this overlay");
            }
            int replicas = topic.path("spec").path("replicas").asInt();
            if (replicas > brokers) {
                problems.add(StrictModel.id(topic) + ": " + replicas + " replicas but only " + brokers + " brokers");
            }
            int minInSync = topic.path("spec").path("config").path("min.insync.replicas").asInt(1);
            if (minInSync >= replicas && replicas > 1) {
                problems.add(StrictModel.id(topic) + ": min.insync.replicas " + minInSync + " leaves no broker to lose");
            }
        }
        Set<String> used = new TreeSet<>();
        services.values().forEach(s -> used.addAll(s.topics()));
        if (!declared.equals(used)) {
            problems.add("KafkaTopics " + declared + " differ from the topics the services use " + used);
        }
    }

    private void checkScaledObject(JsonNode scaled) {
        String id = StrictModel.id(scaled);
        requireDeployment(scaled, scaled.path("spec").path("scaleTargetRef").path("name").asText());
        int max = scaled.path("spec").path("maxReplicaCount").asInt(100);
        for (JsonNode trigger : scaled.path("spec").path("triggers")) {
            if (!trigger.path("type").asText().equals("kafka")) {
                continue;
            }
            JsonNode meta = trigger.path("metadata");
            String topic = meta.path("topic").asText();
            JsonNode kafkaTopic = ofKind("KafkaTopic").stream()
                    .filter(t -> topic.equals(t.path("spec").path("topicName").asText(t.path("metadata").path("name").asText())))
                    .findFirst().orElse(null);
            if (kafkaTopic == null) {
                problems.add(id + ": topic " + topic + " is not a KafkaTopic");
            } else if (max > kafkaTopic.path("spec").path("partitions").asInt()) {
                problems.add(id + ": maxReplicaCount " + max + " exceeds the " + kafkaTopic.path("spec").path("partitions").asInt()
                        + " partitions of " + topic);
            }
            ServiceConfig target = services.get(scaled.path("spec").path("scaleTargetRef").path("name").asText());
            String group = target == null ? null : target.properties().stringPropertyNames().stream()
                    .filter(k -> k.endsWith(".group.id")).map(k -> target.properties().getProperty(k)).findFirst().orElse(null);
            if (group != null && !group.equals(meta.path("consumerGroup").asText())) {
                problems.add(id + ": consumerGroup " + meta.path("consumerGroup").asText() + " but the service's group is " + group);
            }
            checkBootstrap(id, meta.path("bootstrapServers").asText());
        }
    }

    /** Addresses in ConfigMaps must name the operators' services: "<kafka>-kafka-bootstrap:<port>", "<db>-rw". */
    private void checkEndpoints() {
        for (JsonNode configMap : ofKind("ConfigMap")) {
            JsonNode data = configMap.path("data");
            if (data.has("KAFKA_BOOTSTRAP_SERVERS")) {
                checkBootstrap(StrictModel.id(configMap), data.path("KAFKA_BOOTSTRAP_SERVERS").asText());
            }
            if (data.has("VERBATIM_DB_URL")) {
                String url = data.path("VERBATIM_DB_URL").asText();
                boolean known = ofKind("Cluster").stream()
                        .anyMatch(c -> url.startsWith("jdbc:postgresql://" + c.path("metadata").path("name").asText() + "-rw:5432/"
                                + c.path("spec").path("bootstrap").path("initdb").path("database").asText()));
                if (!known) {
                    problems.add(StrictModel.id(configMap) + ": VERBATIM_DB_URL " + url + " is not the primary of a Cluster");
                }
            }
        }
    }

    private void checkBootstrap(String id, String servers) {
        boolean known = false;
        for (JsonNode kafka : ofKind("Kafka")) {
            for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
                known |= servers.equals(kafka.path("metadata").path("name").asText() + "-kafka-bootstrap:"
                        + listener.path("port").asInt());
            }
        }
        if (!known) {
            problems.add(id + ": bootstrap servers " + servers + " are not a listener of a Kafka cluster");
        }
    }

    private void requireDeployment(JsonNode owner, String name) {
        if (byName("Deployment", name) == null) {
            problems.add(StrictModel.id(owner) + ": target Deployment " + name + " does not exist");
        }
    }

    private void requireSelected(JsonNode owner, JsonNode matchLabels) {
        if (podsSelectedBy(matchLabels).isEmpty()) {
            problems.add(StrictModel.id(owner) + ": selector matches no Deployment");
        }
    }

    private List<JsonNode> podsSelectedBy(JsonNode selector) {
        List<JsonNode> pods = new ArrayList<>();
        for (JsonNode deployment : ofKind("Deployment")) {
            JsonNode template = deployment.path("spec").path("template");
            JsonNode labels = template.path("metadata").path("labels");
            boolean all = selector.size() > 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                all &= e.getValue().asText().equals(labels.path(e.getKey()).asText(null));
            }
            if (all) {
                pods.add(template);
            }
        }
        return pods;
    }

    private List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    private JsonNode byName(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(o.path("metadata").path("name").asText())).findFirst().orElse(null);
    }

    static Map<String, ServiceConfig> services(java.nio.file.Path repo) throws java.io.IOException {
        Map<String, ServiceConfig> services = new HashMap<>();
        for (String name : List.of("ingest-service", "analysis-service", "query-service")) {
            services.put(name, ServiceConfig.of(repo, name));
        }
        return services;
    }
}
