package dev.jita.security;

import java.util.List;
import java.util.Optional;

/**
 * The stored credentials authentication reads. The platform module owns the accounts and implements this, so
 * that security needs neither the platform's tables nor its classes.
 */
public interface AccountLookup {

    /** How many organizations' users of one name are tried when such a user calls a system endpoint. */
    int MAX_FOREIGN_CANDIDATES = 5;

    record OrgAccount(String organizationId, String passwordHash, boolean manager) {
    }

    Optional<String> systemAdminHash(String username);

    boolean organizationExists(String organizationId);

    /** The user when enabled. */
    Optional<OrgAccount> orgUser(String organizationId, String username);

    /** The enabled users of that name in every organization, in organization id order, at most {@link #MAX_FOREIGN_CANDIDATES}. */
    List<OrgAccount> orgUsersNamed(String username);
}
