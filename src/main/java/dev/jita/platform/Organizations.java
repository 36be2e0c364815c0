package dev.jita.platform;

import dev.jita.core.ApiException;
import dev.jita.core.Times;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The organization table. */
@Repository
class Organizations {

    record Organization(String id, String name, String planId, String createdBy, Instant createdAt,
                        String lastUpdateUser, Instant lastUpdateTimestamp, Set<ItaDriver> notInstalled) {
    }

    private static final String COLUMNS = "organization_id, organization_name, plan_id, created_by, created_at, "
            + "last_update_user, last_update_timestamp, no_install_driver";

    private final JdbcClient jdbc;

    Organizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Organization> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization ORDER BY organization_id").query(this::map).list();
    }

    Optional<Organization> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE organization_id = ?").param(id)
                .query(this::map).optional();
    }

    void insert(String id, String name, String planId, Set<ItaDriver> notInstalled, String user) {
        LocalDateTime now = Times.toDb(Times.now());
        try {
            jdbc.sql("INSERT INTO organization (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(id, name, planId, user, now, user, now, ItaDriver.toColumn(notInstalled)).update();
        } catch (DuplicateKeyException e) {
            throw ApiException.badRequest("platform.organization_exists", id);
        }
    }

    int update(String id, String name, String planId, String user) {
        return jdbc.sql("UPDATE organization SET organization_name = ?, plan_id = COALESCE(?, plan_id), "
                        + "last_update_user = ?, last_update_timestamp = ? WHERE organization_id = ?")
                .params(name, planId, user, Times.toDb(Times.now()), id).update();
    }

    int delete(String id) {
        return jdbc.sql("DELETE FROM organization WHERE organization_id = ?").param(id).update();
    }

    private Organization map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Organization(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                Times.fromDb(rs.getObject(5, LocalDateTime.class)), rs.getString(6),
                Times.fromDb(rs.getObject(7, LocalDateTime.class)), ItaDriver.fromColumn(rs.getString(8)));
    }
}
