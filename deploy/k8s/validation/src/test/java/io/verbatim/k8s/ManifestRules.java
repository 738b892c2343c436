package io.verbatim.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What must hold across the rendered objects of an overlay and the services' own configuration: selectors,
 * ports, probes, limits, hardening, references, environment, topics and autoscaling bounds; and the security
 * posture: management port kept off the Ingresses, TLS on every Ingress, Kafka authenticated with per-service
 * ACLs, a read-only database role for readers, network policies, Pod Security labels, and (production)
 * continuous backups.
 */
final class ManifestRules {

    /** Variables read by the base image's run-java.sh rather than by the application. */
    private static final Set<String> RUN_JAVA_ENV = Set.of("JAVA_OPTS", "JAVA_OPTS_APPEND", "JAVA_MAX_MEM_RATIO",
            "JAVA_INITIAL_MEM_RATIO", "GC_MAX_METASPACE_SIZE");
    /** Secrets the operator of the cluster creates at install time (deploy/README.md, "Kubernetes"), with their keys. */
    private static final Map<String, Set<String>> INSTALL_TIME_SECRETS = Map.of(
            "verbatim-api-keys", Set.of("VERBATIM_API_KEYS", "VERBATIM_REVOKED_API_KEYS", "VERBATIM_READ_API_KEYS"),
            "verbatim-db-reader", Set.of("username", "password"),
            "verbatim-backup-s3", Set.of("ACCESS_KEY_ID", "ACCESS_SECRET_KEY"));
    /** Keys of the "<cluster>-app" secret CloudNativePG creates. */
    private static final Set<String> CNPG_APP_SECRET_KEYS = Set.of("username", "password", "host", "port", "dbname",
            "uri", "jdbc-uri", "pgpass", "user");
    /** Keys of the Secrets Strimzi makes: per KafkaUser (by its authentication) and the cluster CA. */
    private static final Map<String, Set<String>> STRIMZI_USER_SECRET_KEYS = Map.of(
            "tls", Set.of("ca.crt", "user.crt", "user.key", "user.p12", "user.password"),
            "scram-sha-512", Set.of("password", "sasl.jaas.config"));
    private static final Set<String> STRIMZI_CA_SECRET_KEYS = Set.of("ca.crt", "ca.p12", "ca.password");
    /** Roles a reader may be granted: they read, and change nothing. */
    private static final Set<String> READ_ONLY_ROLES = Set.of("pg_read_all_data", "pg_monitor", "pg_read_all_stats");
    /** Where the metrics scraper and the ingress controller run (components/network-policies). */
    private static final String SCRAPER_NAMESPACE = "monitoring";
    private static final String INGRESS_CONTROLLER_NAMESPACE = "ingress-nginx";

    private final List<JsonNode> objects;
    private final Map<String, ServiceConfig> services;
    private final boolean production;
    private final List<String> problems = new ArrayList<>();

    ManifestRules(List<JsonNode> objects, Map<String, ServiceConfig> services, boolean production) {
        this.objects = objects;
        this.services = services;
        this.production = production;
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
        checkLanguages();
        ofKind("ScaledObject").forEach(this::checkScaledObject);
        checkEndpoints();
        services.values().forEach(this::checkManagementConfig);
        checkKafkaSecurity();
        checkReadOnlyDatabaseUsers();
        if (production) {
            checkBackups();
        }
        checkNetworkPolicies();
        checkNamespaces();
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
        if (!pod.path("securityContext").path("seccompProfile").path("type").asText().equals("RuntimeDefault")) {
            problems.add(id + ": pod must set seccompProfile RuntimeDefault (Pod Security restricted)");
        }
        for (JsonNode volume : pod.path("volumes")) {
            JsonNode secret = volume.path("secret");
            if (!secret.isMissingNode()) {
                if (secret.path("items").isEmpty()) {
                    requireSecret(id + " volume " + volume.path("name").asText(), secret.path("secretName").asText(), null);
                }
                for (JsonNode item : secret.path("items")) {
                    requireSecret(id + " volume " + volume.path("name").asText(), secret.path("secretName").asText(),
                            item.path("key").asText());
                }
            }
        }
        ServiceConfig service = services.get(deployment.path("metadata").path("name").asText());
        for (JsonNode container : pod.path("containers")) {
            String where = id + " container " + container.path("name").asText();
            Set<String> portNames = new HashSet<>();
            Set<Integer> portNumbers = new HashSet<>();
            for (JsonNode port : container.path("ports")) {
                portNames.add(port.path("name").asText());
                portNumbers.add(port.path("containerPort").asInt());
                int number = port.path("containerPort").asInt();
                if (service != null && number != service.httpPort() && number != service.managementPort()) {
                    problems.add(where + ": containerPort " + number + " but " + service.name() + " listens on "
                            + service.httpPort() + " (management " + service.managementPort() + ")");
                }
            }
            if (service != null) {
                String scraped = template.path("metadata").path("annotations").path("prometheus.io/port").asText();
                if (!scraped.equals(String.valueOf(service.managementPort()))) {
                    problems.add(where + ": metrics are scraped on port " + scraped + ", not the management port "
                            + service.managementPort());
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
                } else if (service != null && containerPort(container, port) != service.managementPort()) {
                    problems.add(where + ": " + probe + " is not on the management port " + service.managementPort());
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
            checkBodyMemory(where, deployment, container, service);
        }
    }

    /** Heap left to a service apart from the bodies it reads and the Kafka producer's buffer (32 MiB by default). */
    private static final long KAFKA_PRODUCER_BUFFER = 32L << 20;
    private static final long HEAP_MARGIN = 64L << 20;

    /**
     * A service that bounds the heap its request bodies take (verbatim.*.body-memory) must get that much, with
     * the producer's buffer and a margin, from its pod: heap = memory limit x MaxRAMPercentage.
     */
    private void checkBodyMemory(String where, JsonNode deployment, JsonNode container, ServiceConfig service) {
        if (service == null) {
            return;
        }
        String key = service.properties().stringPropertyNames().stream().filter(k -> k.endsWith(".body-memory"))
                .findFirst().orElse(null);
        String limit = container.path("resources").path("limits").path("memory").asText(null);
        if (key == null || limit == null) {
            return;
        }
        String options = String.valueOf(configMapValue(deployment, "JAVA_OPTS_APPEND"));
        java.util.regex.Matcher percentage = java.util.regex.Pattern.compile("MaxRAMPercentage=(\\d+)").matcher(options);
        double share = percentage.find() ? Integer.parseInt(percentage.group(1)) / 100.0 : 0.25;
        long heap = (long) (ServiceConfig.bytes(limit.replace("i", "")) * share);
        String env = key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
        String configured = configMapValue(deployment, env);
        long bodies = Long.parseLong(configured != null ? configured : service.value(key).orElseThrow());
        if (bodies + KAFKA_PRODUCER_BUFFER + HEAP_MARGIN > heap) {
            problems.add(where + ": " + key + " (" + (bodies >> 20) + " MiB) with the producer buffer and a 64 MiB margin"
                    + " does not fit its heap of " + (heap >> 20) + " MiB");
        }
    }

    private void checkEnvironment(String where, JsonNode container, ServiceConfig service) {
        Set<String> names = new TreeSet<>();
        for (JsonNode env : container.path("env")) {
            names.add(env.path("name").asText());
            JsonNode secret = env.path("valueFrom").path("secretKeyRef");
            if (!secret.isMissingNode()) {
                // An optional key may be absent; the Secret itself must still exist.
                requireSecret(where, secret.path("name").asText(),
                        secret.path("optional").asBoolean(false) ? null : secret.path("key").asText());
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
            if (key != null && !secret.path("data").has(key) && !secret.path("stringData").has(key)) {
                problems.add(where + ": Secret " + name + " has no key " + key);
            }
            return;
        }
        if (INSTALL_TIME_SECRETS.containsKey(name)) {
            if (key != null && !INSTALL_TIME_SECRETS.get(name).contains(key)) {
                problems.add(where + ": Secret " + name + " is documented without a key " + key);
            }
            return;
        }
        JsonNode user = byName("KafkaUser", name);
        if (user != null) {
            Set<String> keys = STRIMZI_USER_SECRET_KEYS.getOrDefault(
                    user.path("spec").path("authentication").path("type").asText(), Set.of());
            if (key != null && !keys.contains(key)) {
                problems.add(where + ": Strimzi's secret of KafkaUser " + name + " has no key " + key);
            }
            return;
        }
        if (ofKind("Kafka").stream().anyMatch(k -> name.equals(k.path("metadata").path("name").asText() + "-cluster-ca-cert"))) {
            if (key != null && !STRIMZI_CA_SECRET_KEYS.contains(key)) {
                problems.add(where + ": Strimzi's cluster CA secret " + name + " has no key " + key);
            }
            return;
        }
        boolean madeByCnpg = ofKind("Cluster").stream()
                .anyMatch(c -> name.equals(c.path("metadata").path("name").asText() + "-app"));
        if (!madeByCnpg) {
            problems.add(where + ": Secret " + name + " does not exist and no operator creates it");
        } else if (key != null && !CNPG_APP_SECRET_KEYS.contains(key)) {
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
        String id = StrictModel.id(ingress);
        JsonNode annotations = ingress.path("metadata").path("annotations");
        Set<String> tlsHosts = new HashSet<>();
        for (JsonNode tls : ingress.path("spec").path("tls")) {
            if (tls.path("secretName").asText().isEmpty()) {
                problems.add(id + ": a tls entry has no secretName");
            }
            tls.path("hosts").forEach(h -> tlsHosts.add(h.asText()));
        }
        if (!annotations.has("cert-manager.io/cluster-issuer") && !annotations.has("cert-manager.io/issuer")) {
            problems.add(id + ": no cert-manager issuer annotation, so no certificate for its TLS hosts");
        }
        if (!annotations.path("nginx.ingress.kubernetes.io/force-ssl-redirect").asText().equals("true")) {
            problems.add(id + ": plain HTTP is not redirected to HTTPS (force-ssl-redirect)");
        }
        for (JsonNode rule : ingress.path("spec").path("rules")) {
            if (!tlsHosts.contains(rule.path("host").asText())) {
                problems.add(id + ": host " + rule.path("host").asText() + " is served without TLS");
            }
            for (JsonNode path : rule.path("http").path("paths")) {
                JsonNode backend = path.path("backend").path("service");
                JsonNode service = byName("Service", backend.path("name").asText());
                if (service == null) {
                    problems.add(id + ": backend Service " + backend.path("name").asText() + " does not exist");
                    continue;
                }
                String portName = backend.path("port").path("name").asText(null);
                int portNumber = backend.path("port").path("number").asInt(-1);
                JsonNode servicePort = null;
                for (JsonNode p : service.path("spec").path("ports")) {
                    if (portName != null ? portName.equals(p.path("name").asText()) : p.path("port").asInt() == portNumber) {
                        servicePort = p;
                    }
                }
                if (servicePort == null) {
                    problems.add(id + ": Service " + backend.path("name").asText() + " has no port "
                            + (portName != null ? portName : portNumber));
                    continue;
                }
                checkRoutedPort(id, service, servicePort.path("targetPort"), annotations);
            }
        }
    }

    /** An Ingress reaches only a service's public port, with body-size and timeout limits that match the service. */
    private void checkRoutedPort(String id, JsonNode service, JsonNode targetPort, JsonNode annotations) {
        for (JsonNode pod : podsSelectedBy(service.path("spec").path("selector"))) {
            String app = pod.path("metadata").path("labels").path("app.kubernetes.io/name").asText();
            ServiceConfig config = services.get(app);
            if (config == null) {
                continue;
            }
            for (JsonNode container : pod.path("spec").path("containers")) {
                int port = containerPort(container, targetPort);
                if (port == config.managementPort()) {
                    problems.add(id + ": routes to the management port " + port + " of " + app);
                }
            }
            String bodySize = annotations.path("nginx.ingress.kubernetes.io/proxy-body-size").asText(null);
            String maxBody = config.value("quarkus.http.limits.max-body-size").orElse(null);
            if (bodySize == null || maxBody == null) {
                problems.add(id + ": proxy-body-size and " + app + "'s quarkus.http.limits.max-body-size must both be set");
            } else if (ServiceConfig.bytes(bodySize) != ServiceConfig.bytes(maxBody)) {
                problems.add(id + ": proxy-body-size " + bodySize + " differs from " + app + "'s request limit " + maxBody);
            }
            String readTimeout = annotations.path("nginx.ingress.kubernetes.io/proxy-read-timeout").asText(null);
            Duration longestSilence = config.properties().stringPropertyNames().stream()
                    .filter(k -> k.endsWith(".publish-timeout") || k.endsWith(".stream-heartbeat"))
                    .map(k -> ServiceConfig.duration(config.value(k).orElseThrow()))
                    .max(Duration::compareTo).orElse(Duration.ZERO);
            if (readTimeout == null) {
                problems.add(id + ": no proxy-read-timeout");
            } else if (Duration.ofSeconds(Long.parseLong(readTimeout)).compareTo(longestSilence.multipliedBy(2)) < 0) {
                problems.add(id + ": proxy-read-timeout " + readTimeout + "s is shorter than twice " + app
                        + "'s longest legitimate silence (" + longestSilence.toSeconds() + "s)");
            } else if (Long.parseLong(readTimeout) > 300) {
                problems.add(id + ": proxy-read-timeout " + readTimeout + "s keeps idle connections too long");
            }
        }
    }

    /** The container port a probe or a Service's targetPort names (by name or number); -1 if none. */
    private static int containerPort(JsonNode container, JsonNode port) {
        for (JsonNode p : container.path("ports")) {
            if (port.isInt() ? p.path("containerPort").asInt() == port.asInt() : p.path("name").asText().equals(port.asText())) {
                return p.path("containerPort").asInt();
            }
        }
        return -1;
    }

    /** Health, metrics and OpenAPI on the management interface; Swagger UI only in dev mode. */
    private void checkManagementConfig(ServiceConfig service) {
        if (!service.flag("quarkus.management.enabled")) {
            problems.add(service.name() + ": quarkus.management.enabled is not true, so /q/* is on the public port");
        }
        if (service.flag("quarkus.swagger-ui.always-include")) {
            problems.add(service.name() + ": Swagger UI is included outside dev mode");
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

    /**
     * Every listener encrypted and authenticated, simple authorization, and one KafkaUser per Kafka client with
     * exactly the ACLs its channels need (read what it consumes with its group, write what it produces).
     */
    private void checkKafkaSecurity() {
        for (JsonNode kafka : ofKind("Kafka")) {
            String id = StrictModel.id(kafka);
            JsonNode spec = kafka.path("spec").path("kafka");
            if (!spec.path("authorization").path("type").asText().equals("simple")) {
                problems.add(id + ": no simple authorization, so any client may read and write every topic");
            }
            for (JsonNode listener : spec.path("listeners")) {
                if (!listener.path("tls").asBoolean(false)) {
                    problems.add(id + ": listener " + listener.path("name").asText() + " is not TLS");
                }
                if (listener.path("authentication").path("type").asText("").isEmpty()) {
                    problems.add(id + ": listener " + listener.path("name").asText() + " does not authenticate clients");
                }
            }
            if (kafka.path("spec").path("entityOperator").path("userOperator").isMissingNode()) {
                problems.add(id + ": no user operator, so no KafkaUser gets its credentials or ACLs");
            }
        }
        for (ServiceConfig service : services.values()) {
            if (service.topics().isEmpty() || byName("Deployment", service.name()) == null) {
                continue;
            }
            JsonNode user = byName("KafkaUser", service.name());
            if (user == null) {
                problems.add(service.name() + ": no KafkaUser " + service.name());
                continue;
            }
            checkAcls(StrictModel.id(user), user, needs(service));
            JsonNode deployment = byName("Deployment", service.name());
            if (!deployment.toString().contains("\"secretName\":\"" + service.name() + "\"")
                    && !deployment.toString().contains("\"name\":\"" + service.name() + "\",\"key\"")) {
                problems.add(StrictModel.id(deployment) + ": does not read the credentials of KafkaUser " + service.name());
            }
            String protocol = configMapValue(deployment, "KAFKA_SECURITY_PROTOCOL");
            if (protocol == null || !protocol.endsWith("SSL")) {
                problems.add(StrictModel.id(deployment) + ": KAFKA_SECURITY_PROTOCOL is " + protocol + ", not SSL or SASL_SSL");
            }
        }
        for (JsonNode scaled : ofKind("ScaledObject")) {
            for (JsonNode trigger : scaled.path("spec").path("triggers")) {
                if (trigger.path("type").asText().equals("kafka")
                        && byName("TriggerAuthentication", trigger.path("authenticationRef").path("name").asText()) == null) {
                    problems.add(StrictModel.id(scaled) + ": its kafka trigger has no TriggerAuthentication");
                }
            }
        }
        for (JsonNode auth : ofKind("TriggerAuthentication")) {
            for (JsonNode ref : auth.path("spec").path("secretTargetRef")) {
                requireSecret(StrictModel.id(auth), ref.path("name").asText(), ref.path("key").asText());
            }
        }
    }

    /** What a service's channels need: "topic:NAME" or "group:NAME" (prefix groups end with *) to operations. */
    private static Map<String, Set<String>> needs(ServiceConfig service) {
        Map<String, Set<String>> needs = new HashMap<>();
        var props = service.properties();
        for (String key : props.stringPropertyNames()) {
            if (!key.startsWith("mp.messaging.") || !key.endsWith(".topic") || key.contains(".dead-letter-queue.")) {
                continue;
            }
            String channel = key.substring(0, key.length() - ".topic".length());
            String topic = props.getProperty(key);
            boolean incoming = channel.startsWith("mp.messaging.incoming.");
            needs.computeIfAbsent("topic:" + topic, k -> new TreeSet<>()).addAll(
                    incoming ? Set.of("Read", "Describe") : Set.of("Write", "Describe"));
            if (incoming) {
                String group = ServiceConfig.groupPrefix(props.getProperty(channel + ".group.id", service.name()));
                boolean prefix = !group.equals(props.getProperty(channel + ".group.id", service.name()));
                needs.computeIfAbsent("group:" + group + (prefix ? "*" : ""), k -> new TreeSet<>()).add("Read");
                String dlq = props.getProperty(channel + ".dead-letter-queue.topic");
                if (dlq != null) {
                    needs.computeIfAbsent("topic:" + dlq, k -> new TreeSet<>()).addAll(Set.of("Write", "Describe"));
                }
            }
        }
        return needs;
    }

    private void checkAcls(String id, JsonNode user, Map<String, Set<String>> needs) {
        if (user.path("spec").path("authentication").path("type").asText("").isEmpty()) {
            problems.add(id + ": no authentication, so no credentials");
        }
        Map<String, Set<String>> granted = new HashMap<>();
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            JsonNode resource = acl.path("resource");
            String name = resource.path("name").asText("*");
            String resourceId = resource.path("type").asText() + ":" + name
                    + (resource.path("patternType").asText("literal").equals("prefix") ? "*" : "");
            if (name.equals("*") || resource.path("type").asText().equals("cluster")) {
                problems.add(id + ": ACL on " + resourceId + " reaches beyond the service's own topics and groups");
            }
            Set<String> operations = granted.computeIfAbsent(resourceId, k -> new TreeSet<>());
            acl.path("operations").forEach(o -> operations.add(o.asText()));
            if (!acl.path("type").asText("allow").equals("allow")) {
                operations.clear();
            }
        }
        needs.forEach((resource, operations) -> {
            Set<String> missing = new TreeSet<>(operations);
            missing.removeAll(granted.getOrDefault(resource, Set.of()));
            if (!missing.isEmpty()) {
                problems.add(id + ": lacks " + missing + " on " + resource);
            }
        });
        granted.forEach((resource, operations) -> {
            Set<String> extra = new TreeSet<>(operations);
            extra.removeAll(needs.getOrDefault(resource, Set.of()));
            if (!extra.isEmpty()) {
                problems.add(id + ": is granted " + extra + " on " + resource + ", which it does not need");
            }
        });
    }

    /**
     * A service that does not own the schema (no Flyway migration at start) logs in as a CloudNativePG managed
     * role that can log in and only read: not the owner's secret.
     */
    private void checkReadOnlyDatabaseUsers() {
        for (ServiceConfig service : services.values()) {
            JsonNode deployment = byName("Deployment", service.name());
            if (deployment == null || service.value("quarkus.datasource.db-kind").isEmpty()
                    || service.flag("quarkus.flyway.migrate-at-start")) {
                continue;
            }
            String id = StrictModel.id(deployment);
            String secret = null;
            for (JsonNode env : deployment.path("spec").path("template").path("spec").path("containers").path(0).path("env")) {
                if (env.path("name").asText().equals("VERBATIM_DB_USER")) {
                    secret = env.path("valueFrom").path("secretKeyRef").path("name").asText(null);
                }
            }
            JsonNode role = null;
            for (JsonNode cluster : ofKind("Cluster")) {
                if ((cluster.path("metadata").path("name").asText() + "-app").equals(secret)) {
                    problems.add(id + ": reads the database as its owner (" + secret + "), not as a read-only role");
                }
                for (JsonNode r : cluster.path("spec").path("managed").path("roles")) {
                    if (r.path("passwordSecret").path("name").asText().equals(secret)) {
                        role = r;
                    }
                }
            }
            if (role == null) {
                problems.add(id + ": its database user (" + secret + ") is not a managed role of a Cluster");
                continue;
            }
            Set<String> granted = new TreeSet<>();
            role.path("inRoles").forEach(r -> granted.add(r.asText()));
            granted.removeAll(READ_ONLY_ROLES);
            if (!role.path("login").asBoolean(false) || role.path("superuser").asBoolean(false)
                    || role.path("createdb").asBoolean(false) || role.path("createrole").asBoolean(false)
                    || role.path("replication").asBoolean(false) || role.path("bypassrls").asBoolean(false)
                    || !granted.isEmpty() || role.path("ensure").asText("present").equals("absent")) {
                problems.add(id + ": database role " + role.path("name").asText() + " can do more than read (or cannot log in)");
            }
        }
    }

    /** Production: WAL archived and base backups scheduled, so the database can be restored to a point in time. */
    private void checkBackups() {
        for (JsonNode cluster : ofKind("Cluster")) {
            String id = StrictModel.id(cluster);
            String name = cluster.path("metadata").path("name").asText();
            JsonNode store = cluster.path("spec").path("backup").path("barmanObjectStore");
            if (store.path("destinationPath").asText("").isEmpty()) {
                problems.add(id + ": no continuous backup (backup.barmanObjectStore)");
                continue;
            }
            if (cluster.path("spec").path("backup").path("retentionPolicy").asText("").isEmpty()) {
                problems.add(id + ": backups have no retention policy");
            }
            for (String key : List.of("accessKeyId", "secretAccessKey")) {
                JsonNode ref = store.path("s3Credentials").path(key);
                if (!ref.isMissingNode()) {
                    requireSecret(id + " backup", ref.path("name").asText(), ref.path("key").asText());
                }
            }
            boolean scheduled = ofKind("ScheduledBackup").stream()
                    .anyMatch(b -> name.equals(b.path("spec").path("cluster").path("name").asText())
                            && !b.path("spec").path("suspend").asBoolean(false));
            if (!scheduled) {
                problems.add(id + ": no ScheduledBackup takes base backups of it");
            }
        }
    }

    /**
     * Default deny with DNS; the operators' pods (Kafka, PostgreSQL) may reach the API server; the metrics scraper
     * reaches each service's management port, and the ingress controller never does.
     */
    private void checkNetworkPolicies() {
        List<JsonNode> policies = ofKind("NetworkPolicy");
        boolean defaultDeny = policies.stream().anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                && p.path("spec").path("policyTypes").toString().contains("Ingress")
                && p.path("spec").path("policyTypes").toString().contains("Egress")
                && p.path("spec").path("ingress").isEmpty() && p.path("spec").path("egress").isEmpty());
        if (!defaultDeny) {
            problems.add("no default-deny NetworkPolicy (empty podSelector, Ingress and Egress, no rules)");
            return;
        }
        boolean dns = policies.stream().anyMatch(p -> p.path("spec").path("podSelector").isEmpty()
                && p.path("spec").path("egress").toString().contains("\"port\":53"));
        if (!dns) {
            problems.add("no NetworkPolicy lets every pod resolve names (egress to port 53)");
        }
        Map<String, Map<String, String>> operatorPods = new HashMap<>();
        ofKind("Kafka").forEach(k -> operatorPods.put(StrictModel.id(k),
                Map.of("strimzi.io/cluster", k.path("metadata").path("name").asText())));
        ofKind("Cluster").forEach(c -> operatorPods.put(StrictModel.id(c),
                Map.of("cnpg.io/cluster", c.path("metadata").path("name").asText())));
        operatorPods.forEach((owner, labels) -> {
            boolean apiServer = policies.stream().filter(p -> selects(p.path("spec").path("podSelector"), labels))
                    .flatMap(p -> stream(p.path("spec").path("egress")))
                    .anyMatch(rule -> stream(rule.path("ports")).anyMatch(port -> Set.of(443, 6443).contains(port.path("port").asInt())));
            if (!apiServer) {
                problems.add(owner + ": its pods may not reach the Kubernetes API server (egress to 443/6443)");
            }
        });
        for (JsonNode deployment : ofKind("Deployment")) {
            ServiceConfig service = services.get(deployment.path("metadata").path("name").asText());
            if (service == null) {
                continue;
            }
            JsonNode template = deployment.path("spec").path("template");
            Map<String, String> labels = new HashMap<>();
            template.path("metadata").path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            JsonNode container = template.path("spec").path("containers").path(0);
            boolean scraped = false;
            for (JsonNode policy : policies) {
                if (!selects(policy.path("spec").path("podSelector"), labels)) {
                    continue;
                }
                for (JsonNode rule : policy.path("spec").path("ingress")) {
                    boolean management = rule.path("ports").isEmpty() || stream(rule.path("ports"))
                            .anyMatch(port -> containerPort(container, port.path("port")) == service.managementPort());
                    if (!management) {
                        continue;
                    }
                    String from = rule.path("from").toString();
                    if (from.contains("\"kubernetes.io/metadata.name\":\"" + SCRAPER_NAMESPACE + "\"")) {
                        scraped = true;
                    }
                    if (from.contains("\"kubernetes.io/metadata.name\":\"" + INGRESS_CONTROLLER_NAMESPACE + "\"")) {
                        problems.add(StrictModel.id(policy) + ": lets the ingress controller reach the management port of "
                                + service.name());
                    }
                }
            }
            if (!scraped) {
                problems.add(StrictModel.id(deployment) + ": the metrics scraper (namespace " + SCRAPER_NAMESPACE
                        + ") may not reach its management port");
            }
        }
    }

    /** Every namespace enforces the "restricted" Pod Security Standard. */
    private void checkNamespaces() {
        List<JsonNode> namespaces = ofKind("Namespace");
        if (namespaces.isEmpty()) {
            problems.add("no Namespace, so no Pod Security labels");
        }
        for (JsonNode namespace : namespaces) {
            if (!namespace.path("metadata").path("labels").path("pod-security.kubernetes.io/enforce").asText().equals("restricted")) {
                problems.add(StrictModel.id(namespace) + ": does not enforce Pod Security \"restricted\"");
            }
        }
    }

    /**
     * Each service's setting of the languages the pipeline reads, with the environment variable that sets it:
     * ingest accepts them, analysis loads their models, query searches in them.
     */
    private static final Map<String, Map.Entry<String, String>> LANGUAGE_SETTINGS = Map.of(
            "ingest-service", Map.entry("verbatim.ingest.supported-languages", "VERBATIM_INGEST_LANGUAGES"),
            "analysis-service", Map.entry("verbatim.analysis.languages", "VERBATIM_ANALYSIS_LANGUAGES"),
            "query-service", Map.entry("verbatim.query.search-languages", "VERBATIM_QUERY_SEARCH_LANGUAGES"));

    /**
     * The services agree on the languages: an article ingest accepts in a language analysis did not load is
     * dead-lettered, and one query does not search in is found by no search. Ingest's default language (of a text
     * too short to detect) is one of them.
     */
    private void checkLanguages() {
        Map<String, Set<String>> languages = new TreeMap<>();
        LANGUAGE_SETTINGS.forEach((app, setting) -> {
            JsonNode deployment = byName("Deployment", app);
            ServiceConfig service = services.get(app);
            if (deployment != null && service != null) {
                languages.put(app, languageSet(deployment, service, setting.getKey(), setting.getValue()));
            }
        });
        if (new HashSet<>(languages.values()).size() > 1) {
            problems.add("the services do not read the same languages: " + languages);
        }
        JsonNode ingest = byName("Deployment", "ingest-service");
        if (ingest != null && languages.containsKey("ingest-service")) {
            Set<String> fallback = languageSet(ingest, services.get("ingest-service"), "verbatim.ingest.default-language",
                    "VERBATIM_INGEST_DEFAULT_LANGUAGE");
            if (!languages.get("ingest-service").containsAll(fallback)) {
                problems.add("Deployment/ingest-service: default language " + fallback + " is not one it accepts "
                        + languages.get("ingest-service"));
            }
        }
    }

    /** A comma-separated list of languages as the pod gets it: its ConfigMap's value, else the property's default. */
    private Set<String> languageSet(JsonNode deployment, ServiceConfig service, String key, String env) {
        String configured = configMapValue(deployment, env);
        String value = configured != null ? configured : service.value(key).orElse("");
        return new TreeSet<>(Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    private String configMapValue(JsonNode deployment, String name) {
        for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
            for (JsonNode from : container.path("envFrom")) {
                JsonNode map = byName("ConfigMap", from.path("configMapRef").path("name").asText());
                if (map != null && map.path("data").has(name)) {
                    return map.path("data").path(name).asText();
                }
            }
        }
        return null;
    }

    /** Whether a label selector (matchLabels, and matchExpressions with In or Exists) selects these labels. */
    private static boolean selects(JsonNode selector, Map<String, String> labels) {
        for (Iterator<Map.Entry<String, JsonNode>> it = selector.path("matchLabels").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            boolean match = switch (expression.path("operator").asText()) {
                case "In" -> value != null && expression.path("values").toString().contains("\"" + value + "\"");
                case "NotIn" -> value == null || !expression.path("values").toString().contains("\"" + value + "\"");
                case "Exists" -> value != null;
                default -> value == null;
            };
            if (!match) {
                return false;
            }
        }
        return true;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false);
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
