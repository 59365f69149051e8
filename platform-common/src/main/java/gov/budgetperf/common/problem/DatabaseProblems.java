package gov.budgetperf.common.problem;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.arc.ArcUndeclaredThrowableException;

/**
 * Database outcomes mapped once for every service: a unique violation is a 409 naming what is duplicated (a lost
 * check-then-insert race), a deadlock, serialization failure, lost connection or exhausted pool is a 503 with
 * Retry-After (the same request may succeed a moment later). The exception types below are the ones a database
 * failure reaches the REST layer as (directly, or wrapped by the transaction interceptor at commit); anything else
 * they carry goes to the generic mapper.
 */
public class DatabaseProblems {

    private static final Logger LOG = Logger.getLogger(DatabaseProblems.class);

    @Inject
    Instance<UniqueKeys> uniqueKeys;

    @ServerExceptionMapper({PersistenceException.class, SQLException.class, RollbackException.class,
            TransactionalException.class, ArcUndeclaredThrowableException.class})
    public Response database(Exception e, UriInfo uri) {
        Optional<DatabaseFailure> failure = DatabaseFailure.of(e);
        if (failure.isEmpty()) {
            return new ProblemMappers().unexpected(e, uri);
        }
        if (failure.get() instanceof DatabaseFailure.Duplicate d) {
            return new ProblemMappers().problem(duplicate(d), uri);
        }
        String reason = ((DatabaseFailure.Transient) failure.get()).reason();
        LOG.warnf("%s on %s: %s", reason, uri == null ? "?" : uri.getPath(), rootMessage(e));
        return new ProblemMappers().problem(ProblemException.unavailable(reason + "; retry later"), uri);
    }

    private ProblemException duplicate(DatabaseFailure.Duplicate d) {
        UniqueKeys.Key key = d.constraint() == null ? null : keys().get(d.constraint());
        if (key != null) {
            return ProblemException.conflict(key.field(), key.words());
        }
        String columns = d.columns().orElse(null);
        if (columns == null) {
            return ProblemException.conflict("Another request stored the same thing first");
        }
        String field = columns.contains(",") ? columns.substring(columns.lastIndexOf(',') + 1).trim() : columns;
        String table = d.table() == null ? "row" : d.table().replace('_', ' ');
        return new ProblemException(409, "conflict", "Conflict with the current state",
                "A " + table + " with the same " + columns + " already exists",
                List.of(new Violation(field, "already exists")));
    }

    private Map<String, UniqueKeys.Key> keys() {
        Map<String, UniqueKeys.Key> all = new HashMap<>();
        for (UniqueKeys k : uniqueKeys) {
            all.putAll(k.byConstraint());
        }
        return all;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
