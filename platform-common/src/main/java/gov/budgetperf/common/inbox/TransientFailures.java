package gov.budgetperf.common.inbox;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Whether a failure is of the moment and not of the event being applied: the database unreachable, restarting or
 * out of connections, a deadlock or serialization failure. Such an event must not go to the dead-letter topic; it is
 * applied when the dependency is back. Decided on SQLSTATE classes and exception types, never on message text.
 */
public final class TransientFailures {

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof ConnectException || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof org.hibernate.exception.LockAcquisitionException) {
                return true;
            }
            if (t instanceof SQLException sql && transientState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The database's condition, not the statement's: 08 connection exceptions; 40001 serialization failure and 40P01
     * deadlock; 53 insufficient resources (too many connections, out of memory or disk); 55 the object (the
     * database) not in the state required (e.g. not accepting connections), 55P03 a lock not available; 57 operator
     * intervention (shutdown, crash, cannot connect now); 58 system errors; 3D000 the database not found (renamed or
     * being restored). Data (22) and constraint (23) errors, and everything else, are the record's.
     */
    static boolean transientState(String state) {
        return state != null && (state.startsWith("08") || state.equals("40001") || state.equals("40P01")
                || state.startsWith("53") || state.startsWith("55") || state.startsWith("57") || state.startsWith("58")
                || state.equals("3D000"));
    }
}
