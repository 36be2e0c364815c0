package dev.jita.drivers.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.jita.drivers.terraform.Tfvars.Value;
import dev.jita.test.DatabaseIndependent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rendered files are what the real {@code terraform} reads: a module of variables and outputs only (no
 * provider to download) is planned and applied with them, and its outputs are the values given. Skipped where
 * terraform is not installed, except under CI=true, where a skip would hide the check.
 */
@DatabaseIndependent
class TfvarsTerraformTest {

    private static final Path TERRAFORM = Path.of("/usr/local/bin/terraform");
    private static final String TRICKY = "quote \" backslash \\ ${not.a.ref} %{ if x } $${kept} tab\t new\nline 日本語";
    private static final String MODULE = """
            variable "s" {
              type = string
            }
            variable "n" {
              type = number
            }
            variable "b" {
              type = bool
            }
            variable "l" {
              type = list(string)
            }
            variable "nums" {
              type = list(number)
            }
            variable "m" {
              type = map(number)
            }
            variable "o" {
              type = object({
                name = string
                disk = object({ gb = number, type = string })
                tags = list(string)
              })
            }
            variable "secret" {
              type      = string
              sensitive = true
            }
            variable "untyped" {
              default = "unused"
            }
            output "s" {
              value = var.s
            }
            output "n" {
              value = var.n
            }
            output "b" {
              value = var.b
            }
            output "l" {
              value = var.l
            }
            output "nums" {
              value = var.nums
            }
            output "m" {
              value = var.m
            }
            output "o" {
              value = var.o
            }
            output "secret" {
              value     = var.secret
              sensitive = true
            }
            output "untyped" {
              value = var.untyped
            }
            """;

    @TempDir
    Path work;

    @Test
    void terraformReadsTheRenderedValues() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(TERRAFORM), TERRAFORM + " is not installed");
        Files.writeString(work.resolve("main.tf"), MODULE);
        Map<String, String> types = TerraformVariables.read(MODULE).stream()
                .filter(v -> v.type() != null)
                .collect(Collectors.toMap(TerraformVariables.Variable::name, TerraformVariables.Variable::type));
        List<Value> values = new ArrayList<>(List.of(
                new Value("mv:s", null, null, false, false, TRICKY, types.get("s")),
                new Value("n", null, null, false, false, "42.5", types.get("n")),
                new Value("b", null, null, true, false, "true", types.get("b")),
                new Value("l", null, 2, false, false, "second ${x}", types.get("l")),
                new Value("l", null, 1, false, false, "first", types.get("l")),
                new Value("l", null, 3, true, false, "\"third\" # a comment", types.get("l")),
                new Value("nums", null, null, true, false, "[1, 2, 3]", types.get("nums")),
                new Value("m", null, null, true, false, "{\n  a = 1\n  \"b c\" = 2\n}", types.get("m")),
                new Value("o", "name", null, false, false, "web \"1\"", types.get("o")),
                new Value("o", "disk.gb", null, true, false, "100", types.get("o")),
                new Value("o", "disk.type", null, false, false, "ssd", types.get("o")),
                new Value("o", "tags", 1, false, false, "a", types.get("o")),
                new Value("o", "tags", 2, true, false, "<<EOT\nb\nEOT", types.get("o")),
                new Value("secret", null, null, false, true, "p@ss \"w0rd\" ${x}", types.get("secret"))));
        Files.writeString(work.resolve("terraform.tfvars"), Tfvars.render(values, false));
        Files.writeString(work.resolve("secure.tfvars"), Tfvars.render(values, true));
        assertThat(Files.readString(work.resolve("terraform.tfvars"))).doesNotContain("p@ss");

        terraform("init", "-input=false", "-no-color");
        terraform("plan", "-input=false", "-no-color", "-var-file=secure.tfvars");
        terraform("apply", "-input=false", "-no-color", "-auto-approve", "-var-file=secure.tfvars");
        JsonNode outputs = JsonMapper.builder().build().readTree(terraform("output", "-json", "-no-color"));

        assertThat(outputs.path("s").path("value").asString()).isEqualTo(TRICKY);
        assertThat(outputs.path("n").path("value").asDouble()).isEqualTo(42.5);
        assertThat(outputs.path("b").path("value").asBoolean()).isTrue();
        assertThat(outputs.path("l").path("value").toString()).isEqualTo("[\"first\",\"second ${x}\",\"third\"]");
        assertThat(outputs.path("nums").path("value").toString()).isEqualTo("[1,2,3]");
        assertThat(outputs.path("m").path("value").toString()).isEqualTo("{\"a\":1,\"b c\":2}");
        assertThat(outputs.path("o").path("value").toString())
                .isEqualTo("{\"disk\":{\"gb\":100,\"type\":\"ssd\"},\"name\":\"web \\\"1\\\"\",\"tags\":[\"a\",\"b\\n\"]}");
        assertThat(outputs.path("secret").path("value").asString()).isEqualTo("p@ss \"w0rd\" ${x}");
        assertThat(outputs.path("untyped").path("value").asString()).isEqualTo("unused");
    }

    /** Runs terraform in the work directory with no user configuration; its output when it succeeds. */
    private String terraform(String... arguments) throws IOException, InterruptedException {
        Path config = Files.writeString(work.resolve("empty.tfrc"), "");
        List<String> command = new ArrayList<>(List.of(TERRAFORM.toString()));
        command.addAll(List.of(arguments));
        Path output = work.resolve("output.txt");
        Path errors = work.resolve("errors.txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(output.toFile()).redirectError(errors.toFile());
        builder.environment().put("TF_CLI_CONFIG_FILE", config.toString());
        builder.environment().put("TF_IN_AUTOMATION", "1");
        builder.environment().put("CHECKPOINT_DISABLE", "1");
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(command + " did not finish within 120 s");
        }
        String out = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(command + ":\n" + out + Files.readString(errors, StandardCharsets.UTF_8))
                .isZero();
        return out;
    }
}
