package io.verbatim.query.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.verbatim.query.config.QueryConfig;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;

import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Who a reader is: its read key, sent as {@code X-API-Key: <key>} or {@code Authorization: Bearer <key>} and
 * checked by {@link ReadKeys}. While reading is open (verbatim.query.require-api-key false), a reader without a
 * read key is a reader all the same, named by its address as the ingress reports it
 * (verbatim.query.client-address-header), else the connection's: a key that is not a read key counts as none, so
 * that no made-up string gives its sender a rate or stream quota of its own. The principal's name is the client
 * of rate limits and stream caps.
 */
@ApplicationScoped
public class ReadKeyMechanism implements HttpAuthenticationMechanism {

    @Inject
    QueryConfig config;

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String key = presentedKey(context.request()::getHeader);
        Uni<SecurityIdentity> byKey = key == null || key.isEmpty() ? Uni.createFrom().nullItem()
                : identities.authenticate(HttpSecurityUtils.setRoutingContextAttribute(
                        new TokenAuthenticationRequest(new TokenCredential(key, "api-key")), context));
        if (config.requireApiKey()) {
            return byKey;
        }
        return byKey.onFailure(AuthenticationFailedException.class).recoverWithNull()
                .onItem().ifNull().continueWith(() -> byAddress(context.request()));
    }

    private SecurityIdentity byAddress(HttpServerRequest request) {
        String reported = config.clientAddressHeader().map(request::getHeader).orElse(null);
        // X-Forwarded-For style lists: the first address is the client's.
        String address = reported == null || reported.isBlank() ? String.valueOf(request.remoteAddress().hostAddress())
                : reported.split(",", 2)[0].strip();
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("address:" + address))
                .addRole(ReadKeys.READER).build();
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
    static String presentedKey(UnaryOperator<String> header) {
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
}
