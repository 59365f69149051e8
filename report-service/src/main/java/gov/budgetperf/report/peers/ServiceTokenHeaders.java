package gov.budgetperf.report.peers;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import io.smallrye.jwt.build.Jwt;

import gov.budgetperf.common.security.Roles;

/**
 * Calls to the peers carry a short-lived service token (role {@code service}: read-only there), signed with the key
 * configured in {@code smallrye.jwt.sign.key.location}. Report-service applies its own department rules before it
 * calls, so documents of other departments never reach a department user. Tokens are reused until a minute before
 * they expire.
 */
@ApplicationScoped
public class ServiceTokenHeaders implements ClientHeadersFactory {

    private static final Duration LIFETIME = Duration.ofMinutes(10);

    @ConfigProperty(name = "report.service-token.issuer")
    String issuer;

    /** The {@code kid} header, so that peers verifying with a JWK Set of several keys pick this one. */
    @ConfigProperty(name = "report.service-token.key-id")
    java.util.Optional<String> keyId;

    private volatile String token;
    private volatile Instant renewAfter = Instant.EPOCH;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", "Bearer " + token());
        return headers;
    }

    String token() {
        Instant now = Instant.now();
        if (token == null || now.isAfter(renewAfter)) {
            synchronized (this) {
                if (token == null || now.isAfter(renewAfter)) {
                    var claims = Jwt.issuer(issuer).subject("report-service").upn("report-service")
                            .groups(Roles.SERVICE).expiresAt(now.plus(LIFETIME));
                    token = keyId.isPresent() ? claims.jws().keyId(keyId.get()).sign() : claims.sign();
                    renewAfter = now.plus(LIFETIME).minus(Duration.ofMinutes(1));
                }
            }
        }
        return token;
    }
}
