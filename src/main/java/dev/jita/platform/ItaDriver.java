package dev.jita.platform;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The drivers an organization may be created without (the keys of Exastro's {@code optionsIta.drivers});
 * Ansible is always installed. Each names the backyards that serve only it.
 */
public enum ItaDriver {
    TERRAFORM_CLOUD_EP("terraform_cloud_ep", Set.of("ita-by-terraform-cloud-ep-execute")),
    TERRAFORM_CLI("terraform_cli", Set.of("ita-by-terraform-cli-execute")),
    CI_CD("ci_cd", Set.of()),
    OASE("oase", Set.of());

    private final String key;
    private final Set<String> backyards;

    ItaDriver(String key, Set<String> backyards) {
        this.key = key;
        this.backyards = backyards;
    }

    public String key() {
        return key;
    }

    public Set<String> backyards() {
        return backyards;
    }

    public static Optional<ItaDriver> of(String key) {
        for (ItaDriver driver : values()) {
            if (driver.key.equals(key)) {
                return Optional.of(driver);
            }
        }
        return Optional.empty();
    }

    /** The stored form (Exastro's NO_INSTALL_DRIVER): a JSON array of keys, or null when all are installed. */
    static String toColumn(Set<ItaDriver> notInstalled) {
        if (notInstalled.isEmpty()) {
            return null;
        }
        StringBuilder column = new StringBuilder("[");
        for (ItaDriver driver : EnumSet.copyOf(notInstalled)) {
            column.append(column.length() > 1 ? ", " : "").append('"').append(driver.key).append('"');
        }
        return column.append(']').toString();
    }

    /** Reads the stored form back; the keys are jita's own, so a plain scan suffices. */
    public static Set<ItaDriver> fromColumn(String column) {
        Set<ItaDriver> drivers = EnumSet.noneOf(ItaDriver.class);
        if (column != null) {
            for (ItaDriver driver : values()) {
                if (column.contains('"' + driver.key + '"')) {
                    drivers.add(driver);
                }
            }
        }
        return drivers;
    }
}
