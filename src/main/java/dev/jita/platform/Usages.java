package dev.jita.platform;

import dev.jita.core.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What an organization uses of the items its plan limits, and the check that refuses one more than the
 * plan allows. Counted: workspaces, users, and roles (each workspace offers two: member and viewer).
 */
@Component
class Usages {

    static final String WORKSPACES = "platform.workspaces";
    static final String USERS = "platform.users";
    static final String ROLES = "platform.roles";

    private final JdbcClient jdbc;
    private final Plans plans;

    Usages(JdbcClient jdbc, Plans plans) {
        this.jdbc = jdbc;
        this.plans = plans;
    }

    /** The three counts, in Exastro's order. */
    Map<String, Long> of(String organizationId) {
        long workspaces = count("SELECT COUNT(*) FROM workspace WHERE organization_id = ?", organizationId);
        Map<String, Long> usages = new LinkedHashMap<>();
        usages.put(WORKSPACES, workspaces);
        usages.put(USERS, count("SELECT COUNT(*) FROM org_user WHERE organization_id = ?", organizationId));
        usages.put(ROLES, workspaces * WorkspaceRole.values().length);
        return usages;
    }

    /**
     * Inside the creating transaction: locks the organization's row, so that concurrent creations are counted
     * one after the other, then refuses with Exastro's 400-00022 when the count has reached the limit.
     * As in Exastro, a workspace limit of 0 means no limit; a user limit of 0 allows none.
     */
    void assertRoomForOne(String organizationId, String limitId) {
        jdbc.sql("SELECT organization_id FROM organization WHERE organization_id = ? FOR UPDATE")
                .param(organizationId).query(String.class).optional();
        Long limit = plans.limits(organizationId).get(limitId);
        if (limit == null || (WORKSPACES.equals(limitId) && limit <= 0)) {
            return;
        }
        if (of(organizationId).get(limitId) >= limit) {
            throw new ApiException("400-00022", "platform.limit_reached", limitId, limit);
        }
    }

    private long count(String sql, String organizationId) {
        return jdbc.sql(sql).param(organizationId).query(Long.class).single();
    }
}
