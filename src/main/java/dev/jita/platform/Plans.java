package dev.jita.platform;

import dev.jita.core.ApiException;
import dev.jita.core.Times;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables plan_item, plan, plan_limit and organization_plan. */
@Repository
class Plans {

    /** The plan whose limits stand for every item an organization's plan does not set (Exastro's name). */
    static final String DEFAULT_PLAN_ID = "_default";

    record PlanItem(String limitId, String description, Long max, Long defaultValue) {
    }

    record Plan(String id, String name, String description, Map<String, Long> limits, String createUser,
                Instant createTimestamp, String lastUpdateUser, Instant lastUpdateTimestamp) {
    }

    record OrganizationPlan(String planId, LocalDateTime start, String createUser, Instant createTimestamp,
                            String lastUpdateUser, Instant lastUpdateTimestamp) {
    }

    /** A plan's start as Exastro writes it, read as UTC. */
    private static final DateTimeFormatter START =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").withResolverStyle(ResolverStyle.STRICT);

    private final JdbcClient jdbc;

    Plans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<PlanItem> items() {
        return jdbc.sql("SELECT i.limit_id, i.description, i.max_value, d.limit_value FROM plan_item i "
                        + "LEFT JOIN plan_limit d ON d.limit_id = i.limit_id AND d.plan_id = ? ORDER BY i.limit_id")
                .param(DEFAULT_PLAN_ID)
                .query((rs, n) -> new PlanItem(rs.getString(1), rs.getString(2), rs.getObject(3, Long.class),
                        rs.getObject(4, Long.class)))
                .list();
    }

    List<Plan> all() {
        Map<String, Map<String, Long>> limits = new LinkedHashMap<>();
        jdbc.sql("SELECT plan_id, limit_id, limit_value FROM plan_limit ORDER BY plan_id, limit_id")
                .query(rs -> {
                    limits.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>()).put(rs.getString(2), rs.getLong(3));
                });
        return jdbc.sql("SELECT plan_id, plan_name, description, create_user, create_timestamp, last_update_user, "
                        + "last_update_timestamp FROM plan ORDER BY plan_id")
                .query((rs, n) -> new Plan(rs.getString(1), rs.getString(2), rs.getString(3),
                        limits.getOrDefault(rs.getString(1), Map.of()), rs.getString(4),
                        Times.fromDb(rs.getObject(5, LocalDateTime.class)), rs.getString(6),
                        Times.fromDb(rs.getObject(7, LocalDateTime.class))))
                .list();
    }

    boolean exists(String planId) {
        return jdbc.sql("SELECT COUNT(*) FROM plan WHERE plan_id = ?").param(planId).query(Long.class).single() > 0;
    }

    void insert(String id, String name, String description, Map<String, Long> limits, String user) {
        LocalDateTime now = Times.toDb(Times.now());
        try {
            jdbc.sql("INSERT INTO plan (plan_id, plan_name, description, create_user, create_timestamp, "
                            + "last_update_user, last_update_timestamp) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(id, name, description, user, now, user, now).update();
        } catch (DuplicateKeyException e) {
            throw new ApiException("400-27004", "platform.plan_exists", id);
        }
        limits.forEach((limitId, value) ->
                jdbc.sql("INSERT INTO plan_limit (plan_id, limit_id, limit_value) VALUES (?, ?, ?)")
                        .params(id, limitId, value).update());
    }

    List<OrganizationPlan> ofOrganization(String organizationId) {
        return jdbc.sql("SELECT plan_id, start_timestamp, create_user, create_timestamp, last_update_user, "
                        + "last_update_timestamp FROM organization_plan WHERE organization_id = ? ORDER BY start_timestamp")
                .param(organizationId)
                .query((rs, n) -> new OrganizationPlan(rs.getString(1), rs.getObject(2, LocalDateTime.class),
                        rs.getString(3), Times.fromDb(rs.getObject(4, LocalDateTime.class)), rs.getString(5),
                        Times.fromDb(rs.getObject(6, LocalDateTime.class))))
                .list();
    }

    /** The plan in force at {@code now}: the one with the latest start not after it. */
    Optional<String> inForce(String organizationId, LocalDateTime now) {
        return jdbc.sql("SELECT plan_id FROM organization_plan WHERE organization_id = ? AND start_timestamp <= ? "
                        + "ORDER BY start_timestamp DESC")
                .params(organizationId, now).query(String.class).stream().findFirst();
    }

    void assign(String organizationId, LocalDateTime start, String planId, String user) {
        LocalDateTime now = Times.toDb(Times.now());
        try {
            jdbc.sql("INSERT INTO organization_plan (organization_id, start_timestamp, plan_id, create_user, "
                            + "create_timestamp, last_update_user, last_update_timestamp) VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(organizationId, start, planId, user, now, user, now).update();
        } catch (DuplicateKeyException e) {
            throw new ApiException("400-29001", "platform.organization_plan_exists", organizationId, planId,
                    formatStart(start));
        }
    }

    int unassign(String organizationId, LocalDateTime start) {
        return jdbc.sql("DELETE FROM organization_plan WHERE organization_id = ? AND start_timestamp = ?")
                .params(organizationId, start).update();
    }

    /** The organization's limits now: its plan's values, and the default plan's for the items it does not set. */
    Map<String, Long> limits(String organizationId) {
        Map<String, Long> limits = limitsOf(DEFAULT_PLAN_ID);
        inForce(organizationId, Times.toDb(Times.now())).ifPresent(planId -> limits.putAll(limitsOf(planId)));
        return limits;
    }

    private Map<String, Long> limitsOf(String planId) {
        Map<String, Long> limits = new TreeMap<>();
        jdbc.sql("SELECT limit_id, limit_value FROM plan_limit WHERE plan_id = ?").param(planId)
                .query(rs -> {
                    limits.put(rs.getString(1), rs.getLong(2));
                });
        return limits;
    }

    static String formatStart(LocalDateTime start) {
        return START.format(start);
    }

    /** {@code yyyy-mm-dd hh:mm:ss}, or empty when the text is not such a date and time. */
    static Optional<LocalDateTime> parseStart(String text) {
        try {
            return Optional.of(LocalDateTime.parse(text, START));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
