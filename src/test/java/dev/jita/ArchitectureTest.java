package dev.jita;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.metaAnnotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import dev.jita.test.DatabaseIndependent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;

/**
 * jita's module boundaries. A module is a top-level package under {@code dev.jita}; each driver under
 * {@code dev.jita.drivers} is a module of its own. docs/decisions.md ("Modules") says who owns what.
 */
@DatabaseIndependent
class ArchitectureTest {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.jita");

    /**
     * The classes that use JdbcClient and that other modules call: each module's published services. A class
     * added here widens a module's API on purpose; everything else that touches the database stays internal.
     */
    private static final Set<String> PUBLISHED_DATA_SERVICES = Set.of(
            "dev.jita.backyard.BackyardItems",
            "dev.jita.backyard.DrainForecast",
            "dev.jita.backyard.ExecuteCheck",
            "dev.jita.maintenance.MaintenanceGate",
            "dev.jita.menu.SecretBox",
            "dev.jita.maintenance.MaintenanceSettingService",
            "dev.jita.maintenance.MaintenanceWindows",
            "dev.jita.maintenance.ModeSwitches",
            "dev.jita.system.LogLevelService");

    /** Each table's owning module, from the migration or feature that made it. */
    private static final Map<String, String> TABLE_OWNERS = owners(
            "platform", List.of("system_admin", "organization", "org_user", "workspace", "workspace_role",
                    "plan_item", "plan", "plan_limit", "organization_plan", "common_setting"),
            "security", List.of("login_failure"),
            "system", List.of("log_level_setting"),
            "maintenance", List.of("maintenance_mode", "maintenance_mode_audit", "maintenance_drain",
                    "maintenance_switch", "maintenance_window", "maintenance_window_audit"),
            "backyard", List.of("backyard_node", "backyard_item", "backyard_status", "backyard_turn"),
            // V30 builds menu_value_keyed and menu_value_text_keyed, then renames them menu_value and menu_value_text.
            "menu", List.of("menu_record", "menu_unique_value", "menu_file", "menu_journal", "menu_value",
                    "menu_value_text", "menu_value_keyed", "menu_value_text_keyed",
                    "platform_secret"),
            "execution", List.of("execution", "execution_log", "execution_file", "execution_value"),
            "parametersheet", List.of("sheet_definition", "sheet_history"),
            "transfer", List.of("transfer_file", "menu_export_import", "menu_import_upload", "excel_job",
                    "excel_upload"),
            "notification", List.of("maintenance_webhook", "maintenance_notification"),
            "conductor", List.of("conductor_class", "conductor_instance", "conductor_node_instance",
                    "conductor_notice"),
            // ansible_execution and ansible_execution_file were replaced by the execution tables (V17).
            "drivers.terraform", List.of("terraform_cli_state", "terraform_cloud_ep_run"),
            "drivers.ansible", List.of("ansible_execution", "ansible_execution_file", "ansible_initial_setting"));

    private static final DescribedPredicate<JavaClass> USE_JDBC_CLIENT = describe("use JdbcClient",
            javaClass -> javaClass.getDirectDependenciesFromSelf().stream()
                    .anyMatch(d -> d.getTargetClass().isEquivalentTo(JdbcClient.class)));
    private static final Path MAIN_SOURCES = Path.of("src/main/java/dev/jita");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Path JAVA_MIGRATIONS = Path.of("src/main/java/db/migration");
    private static final Pattern TABLE_USE = Pattern.compile("\\b(?:FROM|JOIN|UPDATE|INTO)\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)\\bCREATE\\s+TABLE\\s+([A-Za-z_][A-Za-z0-9_]*)");

    @Test
    void modulesDependOnEachOtherWithoutCycles() {
        slices().assignedFrom(MODULES).should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void webPagesCallServicesNotTheControllersOfOtherModules() {
        noClasses().that().resideInAPackage("dev.jita.web..")
                .should().dependOnClassesThat(resideOutsideOfPackage("dev.jita.web..")
                        .and(metaAnnotatedWith(Controller.class)))
                .check(MAIN);
    }

    @Test
    void controllersAreEntryPointsNobodyElseCalls() {
        classes().that(metaAnnotatedWith(Controller.class))
                .should().notBePublic()
                .check(MAIN);
    }

    /**
     * bin/jita starts the ahead-of-time-processed context, whose conditions were decided at build time: a node's
     * roles and switches must be read when it starts, so no bean of jita's is conditional on a setting or profile.
     */
    @Test
    void noBeanIsConditionalOnSettingsFixedAtBuildTime() {
        classes().should(new ArchCondition<>("not be, nor declare a @Bean method, conditional on a setting or profile") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                if (conditional(javaClass)) {
                    events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " is conditional"));
                }
                javaClass.getMethods().stream().filter(ArchitectureTest::conditional).forEach(method -> events.add(
                        SimpleConditionEvent.violated(method, method.getFullName() + " is conditional")));
            }
        }).check(MAIN);
    }

    private static boolean conditional(CanBeAnnotated element) {
        return element.isMetaAnnotatedWith(ConditionalOnProperty.class) || element.isMetaAnnotatedWith(Profile.class);
    }

    @Test
    void repositoriesStayInsideTheirPackage() {
        classes().that().areAnnotatedWith(Repository.class).should().notBePublic().check(MAIN);
    }

    @Test
    void otherModulesReachTheDatabaseOnlyThroughPublishedServices() {
        classes().that(USE_JDBC_CLIENT)
                .and(describe("are not published", (JavaClass javaClass) ->
                        !PUBLISHED_DATA_SERVICES.contains(javaClass.getName())))
                .should(beUsedOnlyInsideTheirModule())
                .check(MAIN);
    }

    @Test
    void thePublishedDataServicesAreExactlyThoseOtherModulesUse() {
        Set<String> used = new TreeSet<>();
        for (JavaClass javaClass : MAIN) {
            if (USE_JDBC_CLIENT.test(javaClass) && javaClass.getDirectDependenciesToSelf().stream()
                    .anyMatch(d -> !Objects.equals(moduleOf(d.getOriginClass()), moduleOf(javaClass)))) {
                used.add(javaClass.getName());
            }
        }
        assertThat(used).containsExactlyInAnyOrderElementsOf(PUBLISHED_DATA_SERVICES);
    }

    @Test
    void theTableOwnersCoverEveryTableTheMigrationsCreate() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Stream.concat(Files.list(MIGRATIONS), Files.list(JAVA_MIGRATIONS))) {
            for (Path file : files.toList()) {
                Matcher matcher = CREATE_TABLE.matcher(Files.readString(file));
                while (matcher.find()) {
                    created.add(matcher.group(1).toLowerCase());
                }
            }
        }
        assertThat(TABLE_OWNERS.keySet()).as("tables with an owning module").containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void onlyTheOwningModuleWritesSqlOnATable() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String relative = MAIN_SOURCES.relativize(file).toString().replace('\\', '/');
                String directory = relative.contains("/") ? relative.substring(0, relative.lastIndexOf('/')) : "";
                String module = moduleOfPackage(("dev.jita." + directory).replace('/', '.'));
                for (String table : tablesIn(Files.readString(file))) {
                    String owner = TABLE_OWNERS.get(table);
                    if (owner != null && !owner.equals(module)) {
                        violations.add(relative + " (module " + module + ") uses " + table + " of module " + owner);
                    }
                }
            }
        }
        assertThat(violations).as("SQL on another module's table").isEmpty();
    }

    @Test
    void theSqlScanSeesTablesInConcatenatedLiterals() {
        String source = """
                class X {
                    // "FROM comment_table" is not code
                    String sql = "SELECT a FROM " + "first_table t "
                            + "JOIN second_table s ON s.id = t.id WHERE t.name = 'it''s \\"quoted\\"'";
                    char quote = '"';
                    String other = "UPDATE " + TABLE + " SET x = 1";
                }
                """;
        assertThat(tablesIn(source)).containsExactly("first_table", "second_table");
    }

    /** The tables named after FROM, JOIN, UPDATE or INTO in the SQL literals of a Java source. */
    private static List<String> tablesIn(String source) {
        List<String> tables = new ArrayList<>();
        for (String literal : StringLiterals.joined(source)) {
            Matcher matcher = TABLE_USE.matcher(literal);
            while (matcher.find()) {
                tables.add(matcher.group(1).toLowerCase());
            }
        }
        return tables;
    }

    /** Modules by package: dev.jita.X.. is module X, dev.jita.drivers.Y.. is module drivers.Y. */
    private static final SliceAssignment MODULES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String module = moduleOf(javaClass);
            return module == null ? SliceIdentifier.ignore() : SliceIdentifier.of(module);
        }

        @Override
        public String getDescription() {
            return "jita's modules";
        }
    };

    /** The module of a package under dev.jita; null for dev.jita itself and anything outside it. */
    static String moduleOfPackage(String packageName) {
        String[] parts = packageName.split("\\.");
        if (parts.length < 3 || !parts[0].equals("dev") || !parts[1].equals("jita")) {
            return null;
        }
        return parts[2].equals("drivers") && parts.length > 3 ? "drivers." + parts[3] : parts[2];
    }

    private static String moduleOf(JavaClass javaClass) {
        return moduleOfPackage(javaClass.getPackageName());
    }

    private static ArchCondition<JavaClass> beUsedOnlyInsideTheirModule() {
        return new ArchCondition<>("be used only inside their module") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String module = moduleOf(javaClass);
                for (Dependency dependency : javaClass.getDirectDependenciesToSelf()) {
                    String from = moduleOf(dependency.getOriginClass());
                    if (from != null && !from.equals(module)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static Map<String, String> owners(Object... moduleAndTables) {
        Map<String, String> owners = new TreeMap<>();
        for (int i = 0; i < moduleAndTables.length; i += 2) {
            for (Object table : (List<?>) moduleAndTables[i + 1]) {
                if (owners.put((String) table, (String) moduleAndTables[i]) != null) {
                    throw new IllegalStateException(table + " has two owners");
                }
            }
        }
        return owners;
    }

    /** The string literals of Java source, those joined by {@code +} as one, comments and char literals skipped. */
    static final class StringLiterals {

        private StringLiterals() {
        }

        static List<String> joined(String source) {
            List<String> literals = new ArrayList<>();
            StringBuilder current = null;
            int i = 0;
            int n = source.length();
            while (i < n) {
                char c = source.charAt(i);
                if (source.startsWith("//", i)) {
                    i = source.indexOf('\n', i) < 0 ? n : source.indexOf('\n', i);
                } else if (source.startsWith("/*", i)) {
                    i = source.indexOf("*/", i + 2) < 0 ? n : source.indexOf("*/", i + 2) + 2;
                } else if (c == '\'') {
                    i = skipQuoted(source, i, '\'');
                } else if (source.startsWith("\"\"\"", i)) {
                    int end = source.indexOf("\"\"\"", i + 3);
                    end = end < 0 ? n : end;
                    current = append(current, source.substring(i + 3, end));
                    i = end + 3;
                } else if (c == '"') {
                    int end = skipQuoted(source, i, '"');
                    current = append(current, source.substring(i + 1, Math.max(i + 1, end - 1)));
                    i = end;
                } else if (c == '+' || Character.isWhitespace(c)) {
                    i++;
                } else {
                    if (current != null) {
                        literals.add(current.toString());
                        current = null;
                    }
                    i++;
                }
            }
            if (current != null) {
                literals.add(current.toString());
            }
            return literals;
        }

        private static StringBuilder append(StringBuilder current, String literal) {
            return (current == null ? new StringBuilder() : current).append(literal);
        }

        /** The index after the closing quote of the literal opening at {@code start}. */
        private static int skipQuoted(String source, int start, char quote) {
            int i = start + 1;
            while (i < source.length() && source.charAt(i) != quote) {
                i += source.charAt(i) == '\\' ? 2 : 1;
            }
            return Math.min(source.length(), i + 1);
        }
    }
}
