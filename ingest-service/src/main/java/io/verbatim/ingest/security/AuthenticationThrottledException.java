package io.verbatim.ingest.security;

import io.quarkus.security.AuthenticationException;

/** This address sent too many wrong keys: it must wait before presenting another (429 with Retry-After). */
public class AuthenticationThrottledException extends SecurityException implements AuthenticationException {

    private final long waitMillis;

    public AuthenticationThrottledException(long waitMillis) {
        super("too many failed authentications from this address");
        this.waitMillis = waitMillis;
    }

    public long waitMillis() {
        return waitMillis;
    }
}
