package de.sozialmonitor.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Reads stored blocks one at a time through one prepared statement (the block's key as its
 * parameters, its bytes as the one column): a PostgreSQL result set of all blocks would hold them
 * all in memory, and a JDBI query per block costs more than decoding a demo-sized block (the light
 * commands read a hundred or so).
 */
final class BlockQuery implements AutoCloseable {
    private final PreparedStatement statement;
    private final String sql;

    BlockQuery(Handle h, String sql) {
        this.sql = sql;
        try {
            this.statement = h.getConnection().prepareStatement(sql);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** The bytes of the one block with these key values (in the order of the statement's parameters). */
    byte[] fetch(Object... key) {
        try {
            for (int i = 0; i < key.length; i++) {
                statement.setObject(i + 1, key[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("a stored block vanished while it was read: " + java.util.Arrays.toString(key));
                }
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private UnableToExecuteStatementException failed(SQLException e) {
        return new UnableToExecuteStatementException(sql, e, null);
    }

    @Override
    public void close() {
        try {
            statement.close();
        } catch (SQLException e) {
            throw failed(e);
        }
    }
}
