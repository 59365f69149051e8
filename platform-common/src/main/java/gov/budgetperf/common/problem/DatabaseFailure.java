package gov.budgetperf.common.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

import org.hibernate.exception.JDBCConnectionException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * What a database failure means to the client, read from the SQLState found anywhere in the cause chain (Hibernate,
 * Narayana and ArC wrap the driver's exception in up to three layers, so the outermost type says nothing). Decided
 * only on SQLStates, exception types and PostgreSQL's structured error fields, never on the text of a message.
 */
public sealed interface DatabaseFailure {

    /** A unique key already holds these values: the request collides with a stored row (409). */
    record Duplicate(String constraint, String table, String detail) implements DatabaseFailure {

        /** The key's columns, from PostgreSQL's detail {@code Key (budget_id, code)=(3, P1) already exists.} */
        public Optional<String> columns() {
            if (detail == null || !detail.startsWith("Key (")) {
                return Optional.empty();
            }
            int end = detail.indexOf(")=(");
            return end < 0 ? Optional.empty() : Optional.of(detail.substring("Key (".length(), end));
        }
    }

    /**
     * The same request may succeed a moment later: the database is unreachable, restarting or out of connections, or
     * it chose this transaction as the loser of a deadlock or serialization conflict (503 with Retry-After).
     */
    record Transient(String reason) implements DatabaseFailure {

        static final String CONNECTION = "The connection to the database was lost or could not be opened";
        static final String POOL = "No database connection became free in time";
        static final String CONFLICT = "This request collided with a concurrent one on the same rows";
    }

    /**
     * Whether {@code e} is the database's condition of the moment (unreachable, restarting, out of connections, a
     * deadlock or serialization loser) rather than anything about the work itself: a request answers 503, and an event
     * consumer must not dead-letter the event but apply it once the database is back.
     */
    static boolean isTransient(Throwable e) {
        return of(e).filter(f -> f instanceof Transient).isPresent();
    }

    /**
     * The first database outcome a client can act on in {@code e}'s cause chain, if any. Suppressed exceptions are
     * searched too: a commit that fails because the connection died reaches us as a bare RollbackException with the
     * driver's error attached as suppressed, not as its cause.
     */
    static Optional<DatabaseFailure> of(Throwable e) {
        return search(e, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Optional<DatabaseFailure> search(Throwable t, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return Optional.empty();
        }
        Optional<DatabaseFailure> found = classify(t);
        if (found.isPresent()) {
            return found;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            found = search(suppressed, seen);
            if (found.isPresent()) {
                return found;
            }
        }
        if (t instanceof SQLException sql && sql.getNextException() != null) {
            // a failed batch carries the server's error as the "next" exception, not as the cause
            found = search(sql.getNextException(), seen);
            if (found.isPresent()) {
                return found;
            }
        }
        return search(t.getCause(), seen);
    }

    private static Optional<DatabaseFailure> classify(Throwable t) {
        if (t instanceof SQLException sql) {
            Optional<DatabaseFailure> byState = sql.getSQLState() == null
                    ? Optional.empty()
                    : bySqlState(sql, sql.getSQLState());
            if (byState.isPresent()) {
                return byState;
            }
            if (sql instanceof SQLTransientConnectionException || sql instanceof SQLNonTransientConnectionException
                    || openingConnection(sql)) {
                return Optional.of(new Transient(Transient.CONNECTION));
            }
            return sql.getSQLState() == null && thrownByPool(sql)
                    ? Optional.of(new Transient(Transient.POOL))
                    : Optional.empty();
        }
        if (t instanceof JDBCConnectionException) {
            return Optional.of(new Transient(Transient.CONNECTION));
        }
        return Optional.empty();
    }

    private static Optional<DatabaseFailure> bySqlState(SQLException sql, String state) {
        if (state.equals("23505")) {
            ServerErrorMessage m = sql instanceof PSQLException p ? p.getServerErrorMessage() : null;
            return Optional.of(m == null
                    ? new Duplicate(null, null, null)
                    : new Duplicate(m.getConstraint(), m.getTable(), m.getDetail()));
        }
        if (state.equals("40P01") || state.equals("40001")) {
            return Optional.of(new Transient(Transient.CONFLICT));
        }
        // 08: connection exception; 57P01/02/03: admin or crash shutdown, cannot connect now; 53300: too many
        // connections
        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300")) {
            return Optional.of(new Transient(Transient.CONNECTION));
        }
        return Optional.empty();
    }

    /**
     * Whatever the server answers to a new connection (a database that refuses connections says 55000, one that is
     * starting 57P03, a wrong password 28P01), the service cannot reach its database: the driver was opening it.
     */
    private static boolean openingConnection(SQLException sql) {
        for (StackTraceElement frame : sql.getStackTrace()) {
            if (frame.getClassName().equals("org.postgresql.core.ConnectionFactory")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Agroal reports an acquisition timeout as a bare {@link SQLException} (no SQLState, no subtype): what tells it
     * apart is that the pool itself threw it.
     */
    private static boolean thrownByPool(SQLException sql) {
        StackTraceElement[] trace = sql.getStackTrace();
        return trace.length > 0 && trace[0].getClassName().startsWith("io.agroal.");
    }
}
