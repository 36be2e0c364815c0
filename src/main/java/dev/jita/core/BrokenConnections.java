package dev.jita.core;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.SQLException;
import java.util.Set;

/**
 * Tells the connection pool which failures leave a connection useless, besides those it knows itself
 * (connection-class SQL states, PostgreSQL's terminated backends): H2's "connection broken" and "database
 * closed". Without this the pool hands such a connection out again and again, and the node never recovers.
 * Set as spring.datasource.hikari.exception-override-class-name.
 */
public class BrokenConnections implements SQLExceptionOverride {

    /** H2: connection broken, database closed, database already closed. */
    private static final Set<Integer> H2_BROKEN = Set.of(90067, 90098, 90121);

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && H2_BROKEN.contains(sql.getErrorCode())
                    && sql.getSQLState() != null && sql.getSQLState().equals(String.valueOf(sql.getErrorCode()))) {
                return Override.MUST_EVICT;
            }
        }
        return Override.CONTINUE_EVICT;
    }
}
