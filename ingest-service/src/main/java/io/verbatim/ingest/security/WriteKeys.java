package io.verbatim.ingest.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.verbatim.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The API keys allowed to write (role {@value #WRITER}). A revoked key is still recognised, without the role, so
 * that it is refused with 403 rather than 401; an unknown key fails authentication. Keys are compared as SHA-256
 * digests with {@link MessageDigest#isEqual}, against every key without stopping early, so the time taken says
 * nothing about how much of a guess was right, nor about the key's length.
 */
@ApplicationScoped
public class WriteKeys implements IdentityProvider<TokenAuthenticationRequest> {

    public static final String WRITER = "writer";

    private final List<byte[]> valid;
    private final List<byte[]> revoked;

    @Inject
    public WriteKeys(IngestConfig config) {
        valid = digests(config.apiKeys().orElse(List.of()));
        revoked = digests(config.revokedApiKeys().orElse(List.of()));
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String key = request.getToken().getToken().strip();
        if (key.isEmpty()) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        byte[] presented = digest(key);
        boolean isValid = false;
        boolean isRevoked = false;
        for (byte[] candidate : valid) {
            isValid |= MessageDigest.isEqual(candidate, presented);
        }
        for (byte[] candidate : revoked) {
            isRevoked |= MessageDigest.isEqual(candidate, presented);
        }
        if (!isValid && !isRevoked) {
            return Uni.createFrom().failure(new AuthenticationFailedException());
        }
        // The principal is a stable, non-secret name for the client (its key's digest prefix): rate limits, logs.
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(HexFormat.of().formatHex(presented, 0, 8)));
        if (!isRevoked) {
            identity.addRole(WRITER);
        }
        return Uni.createFrom().item(identity.build());
    }

    public boolean noneConfigured() {
        return valid.isEmpty();
    }

    private static List<byte[]> digests(List<String> keys) {
        return keys.stream().filter(k -> !k.isBlank()).map(k -> digest(k.strip())).toList();
    }

    private static byte[] digest(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
