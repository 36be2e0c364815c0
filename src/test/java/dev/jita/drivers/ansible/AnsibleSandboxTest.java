package dev.jita.drivers.ansible;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.execution.WorkArea;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import tools.jackson.databind.JsonNode;

/**
 * A workspace member's playbook tries what a hostile one would, with {@code connection: local}: read a file
 * jita's OS user can read, jita's database and configuration, another execution's directory while it runs;
 * write outside its work directory; smuggle host files out through links in its output directory; see jita's
 * environment and processes. Each attempt must fail inside the sandbox.
 */
class AnsibleSandboxTest extends AnsibleTestSupport {

    /** Variables a sandboxed tool may see; anything else of jita's environment must not reach it. */
    private static final Set<String> TOOL_ENVIRONMENT = Set.of("PATH", "HOME", "TMPDIR", "LANG", "PWD", "SHLVL", "_",
            "OLDPWD", "TERM", "SHELL", "USER", "LOGNAME", "HOSTNAME", "LC_ALL", "LC_CTYPE", "LC_MESSAGES");

    @Autowired
    WorkArea workArea;

    @Autowired
    Environment environment;

    @BeforeEach
    void toolsAreThere() {
        Assumptions.assumeTrue(ansibleInstalled(), "ansible-playbook is not on the PATH: install ansible-core");
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/bwrap")), "bwrap is not installed: install bubblewrap");
    }

    @Test
    void aHostilePlaybookSeesNothingOfTheHostAndWritesNothingOutsideItsDirectory() throws Exception {
        // A file jita's OS user can read, readable by everyone on the host.
        Path hostDir = Files.createTempDirectory("jita-probe-");
        Files.setPosixFilePermissions(hostDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        Path hostSecret = Files.writeString(hostDir.resolve("secret.txt"), "host secret");
        Files.setPosixFilePermissions(hostSecret, PosixFilePermissions.fromString("rw-r--r--"));

        // Another execution of the same workspace, running while the probe runs.
        String marker = "3600." + System.nanoTime() % 1_000_000;
        scenario(play("    - command: sleep %s\n".formatted(marker)), null);
        String other = execute();
        awaitStatus(other, 3);
        Path otherDir = workArea.directoryFor(other);
        assertThat(otherDir).isDirectory();

        List<Path> hidden = new ArrayList<>(List.of(hostSecret, otherDir, otherDir.resolve("site.yml"),
                Path.of("pom.xml").toAbsolutePath(), Path.of("src/main/resources/application.properties").toAbsolutePath()));
        String h2 = environment.getProperty("spring.datasource.hikari.jdbc-url", "");
        if (h2.startsWith("jdbc:h2:async:")) {
            Path database = Path.of(h2.substring("jdbc:h2:async:".length(), h2.indexOf(';')) + ".mv.db");
            assertThat(database).exists();
            hidden.add(database);
        }
        for (Path path : hidden) {
            assertThat(Files.isReadable(path)).as("jita can read " + path).isTrue();
        }
        String jvmEnvironment = System.getenv().entrySet().stream()
                .filter(e -> !TOOL_ENVIRONMENT.contains(e.getKey()) && e.getValue().length() >= 3)
                .map(e -> e.getKey() + "=" + e.getValue()).findFirst().orElse(null);
        Assumptions.assumeTrue(jvmEnvironment != null, "the test JVM has no environment variable to look for");

        // Its private /tmp is not the host's.
        Path hostTmp = Path.of("/tmp", "jita-escaped-" + System.nanoTime());

        record("movement_list_ansible_legacy", Map.of("movement_name", "probe"));
        playbook("probe.yml", play("""
                    - name: probe the host
                      shell: |
                        out="{{ jita_output_dir }}"
                        for p in %s; do
                          if cat "$p" >/dev/null 2>&1 || ls "$p" >/dev/null 2>&1; then echo "visible $p"; else echo "hidden $p"; fi
                        done > "$out/report.txt"
                        if echo escaped > %s/escaped.txt 2>/dev/null; then echo "wrote outside"; else echo "no write outside"; fi >> "$out/report.txt"
                        echo escaped > %s
                        echo "uid $(id -u)" >> "$out/report.txt"
                        if [ -e /proc/%d ]; then echo "sees jita"; else echo "jita hidden"; fi >> "$out/report.txt"
                        env > "$out/environment.txt"
                        ln -s %s "$out/secret-link"
                        ln -s /etc/passwd "$out/passwd-link"
                """.formatted(String.join(" ", hidden.stream().map(Path::toString).toList()), hostDir, hostTmp,
                ProcessHandle.current().pid(), hostSecret)));
        record("movement_playbook_link", Map.of("movement", "probe", "playbook_file", "probe.yml", "include_order", 1));
        record("target_host_ansible_legacy", Map.of("operation", "op1", "movement", "probe", "host", "web1"));

        String probe = execute(Map.of("movement_name", "probe", "operation_name", "op1"));
        JsonNode end = awaitEnd(probe);

        assertThat(end.path("status_id").asString()).as(end.toString()).isEqualTo("5");
        // The links were not taken: only regular files leave the output directory.
        assertThat(end.path("files").toString()).isEqualTo("[\"environment.txt\",\"report.txt\"]");
        String report = download(probe, "report.txt");
        for (Path path : hidden) {
            assertThat(report).contains("hidden " + path);
        }
        assertThat(report).doesNotContain("visible").contains("no write outside").contains("uid 65534")
                .contains("jita hidden");
        assertThat(hostDir.resolve("escaped.txt")).doesNotExist();
        assertThat(hostTmp).doesNotExist();
        assertThat(download(probe, "environment.txt")).doesNotContain(jvmEnvironment).contains("HOME=/tmp");

        // The other execution ran all along: its directory was there to be seen, and was not.
        assertThat(status(other).path("status_id").asString()).isEqualTo("3");
        assertThat(member.patch(status + other + "/scram/", null).status()).isEqualTo(200);
        assertThat(awaitEnd(other).path("status_id").asString()).isEqualTo("8");
        assertThat(otherDir).doesNotExist();
    }

    private String download(String id, String file) {
        String data = member.get(status + id + "/files/" + file + "/").data().path("file_data").asString();
        return new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
    }
}
