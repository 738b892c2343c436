package io.verbatim.ingest.security;

import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Set;

/**
 * A write's API key, sent as {@code X-API-Key: <key>} or {@code Authorization: Bearer <key>}, checked by
 * {@link WriteKeys}. An address that sent too many wrong or revoked keys is refused before its key is looked at.
 */
@ApplicationScoped
public class ApiKeyMechanism implements HttpAuthenticationMechanism {

    @Inject
    FailedAuthThrottle failedAuth;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        HttpServerRequest request = context.request();
        String address = failedAuth.address(request::getHeader, String.valueOf(request.remoteAddress().hostAddress()));
        long wait = failedAuth.waitBeforeTrying(address);
        if (wait > 0) {
            return Uni.createFrom().failure(new AuthenticationThrottledException(wait));
        }
        String key = presentedKey(request);
        if (key == null) {
            return Uni.createFrom().nullItem();
        }
        AuthenticationRequest credential = new TokenAuthenticationRequest(new TokenCredential(key, "api-key"));
        return identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(credential, context))
                .onItemOrFailure().invoke((identity, failure) -> {
                    if (failure != null || !identity.hasRole(WriteKeys.WRITER)) {
                        failedAuth.failed(address);
                    }
                });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    /** The key sent as X-API-Key or Authorization: Bearer, or null. */
    static String presentedKey(HttpServerRequest request) {
        String key = request.getHeader("X-API-Key");
        if (key != null) {
            return key;
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return authorization.substring(7);
        }
        return null;
    }
}
