package io.verbatim.k8s;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * Schemas derived from the CloudNativePG and KEDA definitions for the fields these manifests use; any other
 * field fails to parse (strict mapper), so a typo cannot pass silently.
 */
final class CustomResources {

    private CustomResources() {
    }

    record Metadata(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
    }

    record Resources(Map<String, String> requests, Map<String, String> limits) {
    }

    record CnpgCluster(String apiVersion, String kind, Metadata metadata, CnpgSpec spec) {
    }

    record CnpgSpec(int instances, Boolean enablePDB, String imageName, Storage storage, Bootstrap bootstrap,
                    Resources resources, JsonNode postgresql, JsonNode monitoring) {
    }

    record Storage(String size, String storageClass) {
    }

    record Bootstrap(InitDb initdb) {
    }

    record InitDb(String database, String owner, String secret) {
    }

    record ScaledObject(String apiVersion, String kind, Metadata metadata, ScaledObjectSpec spec) {
    }

    record ScaledObjectSpec(TargetRef scaleTargetRef, Integer minReplicaCount, Integer maxReplicaCount,
                            Integer pollingInterval, Integer cooldownPeriod, List<Trigger> triggers) {
    }

    record TargetRef(String name, String kind, String apiVersion) {
    }

    record Trigger(String type, Map<String, String> metadata, String name) {
    }
}
