package io.verbatim.query.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.verbatim.query.config.QueryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The keys that may read (role {@value #READER}, VERBATIM_READ_API_KEYS), apart from the keys that may write to
 * ingest. A revoked key is still recognised, without the role, so that it is refused with 403; any other key
 * fails authentication. Keys are compared as SHA-256 digests in constant time, against every key.
 */
@ApplicationScoped
public class ReadKeys implements IdentityProvider<TokenAuthenticationRequest> {

    public static final String READER = "reader";

    private final List<byte[]> valid;
    private final List<byte[]> revoked;

    @Inject
    public ReadKeys(QueryConfig config) {
        valid = digests(config.apiKeys().orElse(List.of()));
        revoked = digests(config.revokedApiKeys().orElse(List.of()));
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        byte[] presented = digest(request.getToken().getToken().strip());
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
        // Named by its digest, never by itself: the client of rate limits and stream caps.
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal("key:" + HexFormat.of().formatHex(presented, 0, 8)));
        if (!isRevoked) {
            identity.addRole(READER);
        }
        return Uni.createFrom().item(identity.build());
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
