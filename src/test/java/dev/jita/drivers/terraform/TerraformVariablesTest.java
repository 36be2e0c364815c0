package dev.jita.drivers.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jita.drivers.terraform.TerraformVariables.Variable;
import dev.jita.test.DatabaseIndependent;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

@DatabaseIndependent
class TerraformVariablesTest {

    private static List<Variable> read(String text) throws TerraformVariables.Malformed {
        return TerraformVariables.read(text);
    }

    @Test
    void readsTypeDefaultAndSensitive() throws Exception {
        List<Variable> variables = read("""
                variable "region" {
                  type        = string
                  default     = "ap-northeast-1"
                  description = "where"
                }

                variable "count" {
                  type = number
                }

                variable "password" {
                  type      = string
                  sensitive = true
                }
                """);

        assertThat(variables).containsExactly(
                new Variable("region", "string", "\"ap-northeast-1\"", false),
                new Variable("count", "number", null, false),
                new Variable("password", "string", null, true));
    }

    @Test
    void keepsMultiLineDefaultsAndTypesAsTheirHcl() throws Exception {
        List<Variable> variables = read("""
                variable "servers" {
                  type = list(object({
                    name = string
                    size = optional(number, 1)
                  }))
                  default = [
                    { name = "a", size = 2 },   # first
                    { name = "b" },
                  ]
                }
                """);

        assertThat(variables).hasSize(1);
        assertThat(variables.get(0).type()).isEqualTo("list(object({\n    name = string\n    size = optional(number, 1)\n  }))");
        assertThat(variables.get(0).defaultValue()).startsWith("[\n").endsWith("\n  ]").contains("# first");
    }

    @Test
    void commentsOfEveryKindAreSkipped() throws Exception {
        List<Variable> variables = read("""
                # variable "hash" { }
                // variable "slashes" { }
                /* variable "block" {
                   } */
                variable /* label next */ "real" { # a comment with } and {
                  default = 3 // trailing
                  /* type = bool */
                  type = number # trailing
                }
                """);

        assertThat(variables).containsExactly(new Variable("real", "number", "3", false));
    }

    @Test
    void stringsWithEscapesBracesAndTemplatesDoNotEndTheBlock() throws Exception {
        List<Variable> variables = read("""
                variable "greeting" {
                  default = "a } \\" { # not a comment ${upper("x}")} %{ if true }y%{ endif } $${literal"
                }
                variable "after" {
                  default = "\\\\"
                }
                """);

        assertThat(variables).extracting(Variable::name).containsExactly("greeting", "after");
        assertThat(variables.get(0).defaultValue())
                .isEqualTo("\"a } \\\" { # not a comment ${upper(\"x}\")} %{ if true }y%{ endif } $${literal\"");
        assertThat(variables.get(1).defaultValue()).isEqualTo("\"\\\\\"");
    }

    @Test
    void heredocsMayHoldAnything() throws Exception {
        List<Variable> variables = read("""
                variable "script" {
                  default = <<EOT
                }
                variable "fake" {
                  # } ] ) "
                EOT
                }
                variable "indented" {
                  default = <<-EOT
                    text }
                    EOT
                  type = string
                }
                """);

        assertThat(variables).extracting(Variable::name).containsExactly("script", "indented");
        assertThat(variables.get(0).defaultValue()).startsWith("<<EOT\n}").endsWith("\nEOT");
        assertThat(variables.get(1).type()).isEqualTo("string");
    }

    @Test
    void otherBlocksAndNestedBlocksAreSkipped() throws Exception {
        List<Variable> variables = read("""
                terraform {
                  required_version = ">= 1.0"
                }
                locals { variable = { default = 1 } }
                resource "terraform_data" "variable" {
                  input = "variable \\"x\\" {}"
                }
                variable "checked" {
                  type = string
                  validation {
                    condition     = length(var.checked) > 0
                    error_message = "Must not be empty { }."
                  }
                  default = "ok"
                }
                variable "one_line" { type = bool }
                variable unquoted {
                  default = -1.5
                }
                output "x" { value = var.checked }
                """);

        assertThat(variables).containsExactly(
                new Variable("checked", "string", "\"ok\"", false),
                new Variable("one_line", "bool", null, false),
                new Variable("unquoted", null, "-1.5", false));
    }

    @Test
    void aNameDeclaredTwiceKeepsItsFirstBlockAndCrLfAndBomAreRead() throws Exception {
        List<Variable> variables = read("\uFEFFvariable \"a\" {\r\n  default = 1\r\n}\r\nvariable \"a\" {\r\n  default = 2\r\n}\r\n");

        assertThat(variables).containsExactly(new Variable("a", null, "1", false));
    }

    @Test
    void emptyAndCommentOnlyFilesHaveNoVariables() throws Exception {
        assertThat(read("")).isEmpty();
        assertThat(read("# nothing\n/* here */\n")).isEmpty();
    }

    @Test
    void malformedFilesAreRefusedWithTheLine() {
        for (String text : List.of(
                "variable \"a\" {\n  default = 1\n",
                "variable \"a\" {\n  default = [1, 2\n}\n",
                "variable \"a\" {\n  default = \"open\n}\n",
                "variable \"a\" {\n  default = <<EOT\nnever closed\n}\n",
                "variable \"a\" {\n  default = 1 ]\n}\n",
                "/* open comment\nvariable \"a\" {}\n",
                "variable \"a\" {\n  default =\n}\n",
                "variable \"a\" {\n  default = \"\\u12\"\n}\n",
                "variable \"a\" {\n  = 1\n}\n",
                "variable \"a\" {\n  default = " + "[".repeat(10_000) + "\n}\n",
                "{}")) {
            assertThatThrownBy(() -> read(text)).as(text).isInstanceOf(TerraformVariables.Malformed.class)
                    .hasMessageStartingWith("line ");
        }
    }

    @Test
    void anExpressionIsOneBalancedValue() {
        assertThat(TerraformVariables.isExpression("[1, 2]")).isTrue();
        assertThat(TerraformVariables.isExpression("{\n  a = \"}\"\n}")).isTrue();
        assertThat(TerraformVariables.isExpression("<<EOT\nx\nEOT")).isTrue();
        assertThat(TerraformVariables.isExpression("1 # comment")).isTrue();
        assertThat(TerraformVariables.isExpression("1\nother = 2")).isFalse();
        assertThat(TerraformVariables.isExpression("[1, 2")).isFalse();
        assertThat(TerraformVariables.isExpression("1 }")).isFalse();
        assertThat(TerraformVariables.isExpression("\"open")).isFalse();
        assertThat(TerraformVariables.isExpression("")).isFalse();
    }

    /** Whatever the bytes, reading answers variables or Malformed: a menu read never fails on a file. */
    @Test
    void anyTextIsReadOrRefusedNeverThrownOtherwise() {
        String alphabet = "variable \"x\" {}[]()=#/*\\\n\r\t<<-EOT$%{}ab1.,:?\u00e9";
        Random random = new Random(42);
        for (int run = 0; run < 20_000; run++) {
            StringBuilder text = new StringBuilder(run % 3 == 0 ? "variable \"v\" {\n  default = " : "");
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            try {
                read(text.toString());
            } catch (TerraformVariables.Malformed expected) {
                assertThat(expected.getMessage()).startsWith("line ");
            }
            TerraformVariables.isExpression(text.toString());
        }
    }
}
