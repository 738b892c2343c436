package io.verbatim.ingest.security;

import io.verbatim.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The API keys allowed to write. Keys are compared as SHA-256 digests with {@link MessageDigest#isEqual}, so the
 * time taken says nothing about how much of a guess was right, nor about the key's length.
 */
@ApplicationScoped
public class ApiKeys {

    public enum Verdict { MISSING, UNKNOWN, REVOKED, VALID }

    private final List<byte[]> valid;
    private final List<byte[]> revoked;

    @Inject
    public ApiKeys(IngestConfig config) {
        valid = config.apiKeys().orElse(List.of()).stream().filter(k -> !k.isBlank()).map(ApiKeys::digest).toList();
        revoked = config.revokedApiKeys().orElse(List.of()).stream().filter(k -> !k.isBlank()).map(ApiKeys::digest).toList();
    }

    public Verdict check(String key) {
        if (key == null || key.isBlank()) {
            return Verdict.MISSING;
        }
        byte[] presented = digest(key.strip());
        boolean isValid = false;
        boolean isRevoked = false;
        // Compare against every key, without stopping early.
        for (byte[] candidate : valid) {
            isValid |= MessageDigest.isEqual(candidate, presented);
        }
        for (byte[] candidate : revoked) {
            isRevoked |= MessageDigest.isEqual(candidate, presented);
        }
        return isRevoked ? Verdict.REVOKED : isValid ? Verdict.VALID : Verdict.UNKNOWN;
    }

    public boolean noneConfigured() {
        return valid.isEmpty();
    }

    /** A stable, non-secret name for a client (its key's digest prefix), for rate limiting and logs. */
    public static String clientId(String key) {
        byte[] digest = digest(key.strip());
        return java.util.HexFormat.of().formatHex(digest, 0, 8);
    }

    static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
