package io.verbatim.query.security;

import io.verbatim.query.config.QueryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Who a reader is, for rate limits and stream caps: the read key it presents (named by its digest, never
 * itself), else its address as the ingress reports it (verbatim.query.client-address-header), else the
 * connection's address.
 */
@ApplicationScoped
public class Clients {

    @Inject
    QueryConfig config;

    /** The key sent as X-API-Key or Authorization: Bearer, or null. */
    public static String presentedKey(UnaryOperator<String> header) {
        String key = header.apply("X-API-Key");
        if (key != null) {
            return key.strip();
        }
        String authorization = header.apply(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7).strip();
        }
        return null;
    }

    /** Only a read key names a client: any other string would give its sender a fresh rate and stream quota. */
    public String identify(UnaryOperator<String> header, String connectionAddress) {
        String key = presentedKey(header);
        if (key != null && !key.isEmpty() && among(key, config.apiKeys().orElse(List.of()))) {
            return "key:" + HexFormat.of().formatHex(digest(key), 0, 8);
        }
        String reported = config.clientAddressHeader().map(header).orElse(null);
        if (reported != null && !reported.isBlank()) {
            // X-Forwarded-For style lists: the first address is the client's.
            return "address:" + reported.split(",", 2)[0].strip();
        }
        return "address:" + connectionAddress;
    }

    /** Whether the key is among the given ones, compared as SHA-256 digests in constant time (all are compared). */
    static boolean among(String key, List<String> keys) {
        byte[] presented = digest(key);
        boolean found = false;
        for (String candidate : keys) {
            found |= !candidate.isBlank() && MessageDigest.isEqual(digest(candidate.strip()), presented);
        }
        return found;
    }

    static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
