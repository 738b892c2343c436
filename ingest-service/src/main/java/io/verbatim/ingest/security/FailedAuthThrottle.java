package io.verbatim.ingest.security;

import io.verbatim.ingest.config.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Failed authentications per client address: a few wrong keys pass, then the address must wait (429) before
 * it may try again, so keys cannot be guessed at the speed of the network.
 */
@ApplicationScoped
public class FailedAuthThrottle {

    private final ClientBuckets failures;
    private final Optional<String> addressHeader;

    @Inject
    public FailedAuthThrottle(IngestConfig config) {
        failures = new ClientBuckets(config.failedAuthPerMinute() / 60.0, config.failedAuthPerMinute());
        addressHeader = config.clientAddressHeader();
    }

    /** The client's address as the ingress reports it (first of a list), else the connection's. */
    public String address(UnaryOperator<String> header, String connectionAddress) {
        String reported = addressHeader.map(header).orElse(null);
        return reported == null || reported.isBlank() ? connectionAddress : reported.split(",", 2)[0].strip();
    }

    /** 0 when this address may present a key, else the milliseconds until it may. */
    public long waitBeforeTrying(String address) {
        return failures.peek(address);
    }

    public void failed(String address) {
        failures.take(address);
    }
}
