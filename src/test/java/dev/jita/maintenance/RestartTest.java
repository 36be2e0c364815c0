package dev.jita.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.JitaApplication;
import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** A whole jita process life: first start on an empty database, changes, stop, start again on the same data. */
@ExtendWith(OutputCaptureExtension.class)
class RestartTest {

    private static ConfigurableApplicationContext start(Map<String, String> database, String... extra) {
        List<String> args = new ArrayList<>();
        database.forEach((key, value) -> args.add("--" + key + "=" + value));
        args.add("--server.port=0");
        args.add("--jita.security.bcrypt-strength=4");
        args.addAll(List.of(extra));
        return SpringApplication.run(JitaApplication.class, args.toArray(String[]::new));
    }

    private static Http client(ConfigurableApplicationContext context) {
        return new Http(((WebServerApplicationContext) context).getWebServer().getPort());
    }

    @Test
    void modesOrganizationsAndTheAuditTrailSurviveARestart() {
        Map<String, String> database = TestDatabase.fresh();
        try (ConfigurableApplicationContext first = start(database,
                "--jita.admin.username=root-admin", "--jita.admin.password=first-pass")) {
            Http admin = client(first).as("root-admin", "first-pass");
            assertThat(admin.patch("/api/platform/maintenance-mode-setting",
                    Map.of("backyard_execute_stop", "1", "data_update_stop", "1", "reason", "upgrade")).status())
                    .isEqualTo(200);
        }
        // The same administrator name with another password does not overwrite the stored one.
        try (ConfigurableApplicationContext second = start(database,
                "--jita.admin.username=root-admin", "--jita.admin.password=other-pass")) {
            Http admin = client(second).as("root-admin", "first-pass");
            Http.Reply modes = admin.get("/api/platform/maintenance-mode-setting");
            assertThat(modes.status()).as(modes.toString()).isEqualTo(200);
            assertThat(modes.data().toString()).isEqualTo("{\"backyard_execute_stop\":\"1\",\"data_update_stop\":\"1\"}");
            Http.Reply audit = admin.get("/api/platform/maintenance-mode-setting/audit");
            assertThat(audit.data().size()).isEqualTo(2);
            assertThat(audit.data().get(0).path("reason").asString()).isEqualTo("upgrade");
            assertThat(client(second).as("root-admin", "other-pass").get("/api/platform/maintenance-mode-setting")
                    .status()).isEqualTo(401);
        }
    }

    @Test
    void withoutAConfiguredPasswordOneIsGeneratedAndLoggedOnce(CapturedOutput output) {
        Map<String, String> database = TestDatabase.fresh();
        String password;
        try (ConfigurableApplicationContext first = start(database, "--jita.admin.username=generated-admin")) {
            Matcher matcher = Pattern.compile("Created system administrator 'generated-admin' with the generated "
                    + "password: (\\S+)").matcher(output.getOut());
            assertThat(matcher.find()).as("generated password in the log").isTrue();
            password = matcher.group(1);
            assertThat(password).hasSizeGreaterThanOrEqualTo(20);
            assertThat(client(first).as("generated-admin", password).get("/api/platform/maintenance-mode-setting")
                    .status()).isEqualTo(200);
        }
        int logged = output.getOut().split("with the generated password", -1).length - 1;
        try (ConfigurableApplicationContext second = start(database, "--jita.admin.username=generated-admin")) {
            assertThat(output.getOut().split("with the generated password", -1).length - 1).isEqualTo(logged);
            assertThat(client(second).as("generated-admin", password).get("/api/platform/maintenance-mode-setting")
                    .status()).isEqualTo(200);
        }
    }
}
