package gov.budgetperf.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;

import org.hibernate.exception.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

import io.quarkus.arc.ArcUndeclaredThrowableException;

class DatabaseFailureTest {

    private static PSQLException server(String state, String constraint, String table, String detail) {
        StringBuilder fields = new StringBuilder("SERROR\0C" + state + "\0Mfailed\0");
        if (detail != null) {
            fields.append("D").append(detail).append('\0');
        }
        if (table != null) {
            fields.append("t").append(table).append('\0');
        }
        if (constraint != null) {
            fields.append("n").append(constraint).append('\0');
        }
        return new PSQLException(new ServerErrorMessage(fields.toString()));
    }

    /** How a lost insert race reaches the REST layer at commit: ArC > Narayana > Hibernate > driver. */
    private static Throwable atCommit(SQLException driver) {
        var hibernate = new ConstraintViolationException("could not execute statement", driver, "insert", null);
        var rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.initCause(hibernate);
        return new ArcUndeclaredThrowableException("Error invoking subclass method", rollback);
    }

    @Test
    void uniqueViolationDeepInTheChainIsADuplicateWithItsConstraintTableAndColumns() {
        var failure = DatabaseFailure.of(atCommit(server("23505", "project_budget_id_code_key", "project",
                "Key (budget_id, code)=(3, P1) already exists.")));

        assertThat(failure).containsInstanceOf(DatabaseFailure.Duplicate.class);
        var d = (DatabaseFailure.Duplicate) failure.orElseThrow();
        assertThat(d.constraint()).isEqualTo("project_budget_id_code_key");
        assertThat(d.table()).isEqualTo("project");
        assertThat(d.columns()).contains("budget_id, code");
    }

    @Test
    void deadlockAndSerializationFailureAreTransient() {
        assertThat(DatabaseFailure.of(new PersistenceException(server("40P01", null, null, null))))
                .containsInstanceOf(DatabaseFailure.Transient.class);
        assertThat(DatabaseFailure.of(atCommit(server("40001", null, null, null))))
                .containsInstanceOf(DatabaseFailure.Transient.class);
    }

    @Test
    void lostConnectionAndAdminShutdownAreTransient() {
        assertThat(DatabaseFailure.of(new PersistenceException(
                new PSQLException("An I/O error occurred", PSQLState.CONNECTION_FAILURE))))
                .containsInstanceOf(DatabaseFailure.Transient.class);
        assertThat(DatabaseFailure.of(atCommit(server("57P01", null, null, null))))
                .containsInstanceOf(DatabaseFailure.Transient.class);
    }

    @Test
    void aBareSqlExceptionIsTransientOnlyWhenThePoolThrewIt() {
        SQLException pool = new SQLException("any text");
        pool.setStackTrace(new StackTraceElement[]{
                new StackTraceElement("io.agroal.pool.ConnectionPool", "handlerFromSharedCache", null, 1)});
        assertThat(DatabaseFailure.of(new PersistenceException(pool)))
                .containsInstanceOf(DatabaseFailure.Transient.class);

        assertThat(DatabaseFailure.of(new PersistenceException(new SQLException("any text")))).isEmpty();
    }

    @Test
    void anyRefusalOfANewConnectionIsTransient() {
        PSQLException refused = server("55000", null, null, null);
        refused.setStackTrace(new StackTraceElement[]{
                new StackTraceElement("org.postgresql.core.v3.QueryExecutorImpl", "readStartupMessages", null, 1),
                new StackTraceElement("org.postgresql.core.ConnectionFactory", "openConnection", null, 1)});
        assertThat(DatabaseFailure.of(new PersistenceException(refused)))
                .containsInstanceOf(DatabaseFailure.Transient.class);
        // the same SQLState from a statement is not about the connection
        assertThat(DatabaseFailure.of(new PersistenceException(server("55000", null, null, null)))).isEmpty();
    }

    @Test
    void otherSqlStatesAndNonDatabaseErrorsAreNotMapped() {
        assertThat(DatabaseFailure.of(new PersistenceException(server("23503", "fk", "project", null)))).isEmpty();
        assertThat(DatabaseFailure.of(new IllegalStateException("x"))).isEmpty();
    }

    @Test
    void aCommitOnADeadConnectionIsTransient() {
        // Narayana: a RollbackException without a cause, the resource's XAException (caused by the driver) suppressed
        var xa = new javax.transaction.xa.XAException("Error trying to transactionCommit local transaction");
        xa.initCause(server("57P01", null, null, null));
        var rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(xa);
        assertThat(DatabaseFailure.of(new ArcUndeclaredThrowableException("Error invoking subclass method", rollback)))
                .containsInstanceOf(DatabaseFailure.Transient.class);
    }

    @Test
    void aFailedBatchIsReadFromItsNextException() {
        SQLException batch = new java.sql.BatchUpdateException();
        batch.setNextException(server("23505", "department_code_key", "department", "Key (code)=(D1) already exists."));
        assertThat(DatabaseFailure.of(new PersistenceException(batch)))
                .containsInstanceOf(DatabaseFailure.Duplicate.class);
    }
}
