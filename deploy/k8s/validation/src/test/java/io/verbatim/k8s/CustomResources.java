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
                    Resources resources, JsonNode postgresql, JsonNode monitoring, Managed managed, Backup backup) {
    }

    record Managed(List<RoleConfiguration> roles) {
    }

    record RoleConfiguration(String name, String ensure, String comment, Boolean login, Boolean superuser,
                             Boolean createdb, Boolean createrole, Boolean inherit, Boolean replication,
                             Boolean bypassrls, Integer connectionLimit, List<String> inRoles,
                             LocalObjectReference passwordSecret, Boolean disablePassword, String validUntil) {
    }

    record LocalObjectReference(String name) {
    }

    record SecretKeySelector(String name, String key) {
    }

    record Backup(String retentionPolicy, String target, BarmanObjectStore barmanObjectStore) {
    }

    record BarmanObjectStore(String destinationPath, String endpointURL, String serverName, S3Credentials s3Credentials,
                             JsonNode azureCredentials, JsonNode googleCredentials, Compression wal, Compression data) {
    }

    record S3Credentials(SecretKeySelector accessKeyId, SecretKeySelector secretAccessKey, SecretKeySelector region,
                         SecretKeySelector sessionToken, Boolean inheritFromIAMRole) {
    }

    record Compression(String compression, String encryption, Integer maxParallel, Integer jobs) {
    }

    record ScheduledBackup(String apiVersion, String kind, Metadata metadata, ScheduledBackupSpec spec) {
    }

    record ScheduledBackupSpec(String schedule, Boolean immediate, Boolean suspend, String backupOwnerReference,
                               String method, String target, LocalObjectReference cluster) {
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

    record Trigger(String type, Map<String, String> metadata, String name, LocalObjectReference authenticationRef) {
    }

    record TriggerAuthentication(String apiVersion, String kind, Metadata metadata, TriggerAuthenticationSpec spec) {
    }

    record TriggerAuthenticationSpec(List<SecretTargetRef> secretTargetRef) {
    }

    record SecretTargetRef(String parameter, String name, String key) {
    }
}
