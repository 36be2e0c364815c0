package dev.jita.drivers.terraform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jita.drivers.terraform.Tfvars.Value;
import dev.jita.test.DatabaseIndependent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

@DatabaseIndependent
class TfvarsTest {

    private static Value text(String variable, String value, String type) {
        return new Value(variable, null, null, false, false, value, type);
    }

    private static Value hcl(String variable, String value, String type) {
        return new Value(variable, null, null, true, false, value, type);
    }

    private static Value member(String variable, String member, Integer order, boolean hcl, String value) {
        return new Value(variable, member, order, hcl, false, value, "object({})");
    }

    private static String plain(Value... values) throws Tfvars.Invalid {
        return Tfvars.render(List.of(values), false);
    }

    @Test
    void textIsQuotedWithEscapesAndNeverATemplate() throws Exception {
        assertThat(plain(text("a", "plain", "string"))).isEqualTo("a = \"plain\"\n");
        assertThat(plain(text("a", "q\" b\\ n\nr\rt\t", "string"))).isEqualTo("a = \"q\\\" b\\\\ n\\nr\\rt\\t\"\n");
        assertThat(plain(text("a", "${var.x} %{ if true } $x %x {", null)))
                .isEqualTo("a = \"$${var.x} %%{ if true } $x %x {\"\n");
        assertThat(plain(text("a", "$${already} %%{too}", "any"))).isEqualTo("a = \"$$${already} %%%{too}\"\n");
        assertThat(plain(text("a", "bell\u0007", "string"))).isEqualTo("a = \"bell\\u0007\"\n");
        assertThat(plain(text("a", "日本語", "string"))).isEqualTo("a = \"日本語\"\n");
    }

    @Test
    void emptyAndMissingValuesAreEmptyStrings() throws Exception {
        assertThat(plain(text("a", "", "string"), text("b", null, null))).isEqualTo("a = \"\"\nb = \"\"\n");
    }

    @Test
    void numbersAndBoolsGivenAsTextAreStringsTerraformConverts() throws Exception {
        assertThat(plain(text("n", "42", "number"), text("b", "true", "bool"))).isEqualTo("b = \"true\"\nn = \"42\"\n");
    }

    @Test
    void hclIsWrittenAsGiven() throws Exception {
        assertThat(plain(hcl("n", " 42 ", "number"))).isEqualTo("n = 42\n");
        assertThat(plain(hcl("m", "{\n  a = 1\n}", "map(number)"))).isEqualTo("m = {\n  a = 1\n}\n");
        assertThat(plain(hcl("s", "<<EOT\nline\nEOT", "string"))).isEqualTo("s = <<EOT\nline\nEOT\n");
    }

    @Test
    void hclMustBeOneExpression() {
        for (String value : List.of("", "  ", "[1, 2", "1\nother = 2", "\"open", "1 }")) {
            assertThatThrownBy(() -> plain(hcl("x", value, "any"))).as(value).isInstanceOf(Tfvars.Invalid.class)
                    .hasMessageContaining("x: hcl_setting True needs one HCL expression");
        }
    }

    @Test
    void theNameIsWhatFollowsTheLastColonAndMustBeAnIdentifier() throws Exception {
        assertThat(plain(text("movement:with:colons:name", "v", "string"))).isEqualTo("name = \"v\"\n");
        for (String name : List.of("", "1abc", "a b", "mv:", "a.b")) {
            assertThatThrownBy(() -> plain(text(name, "v", "string"))).isInstanceOf(Tfvars.Invalid.class)
                    .hasMessageContaining("is not a variable name");
        }
    }

    @Test
    void aListTakesItsRowsInSubstitutionOrder() throws Exception {
        assertThat(plain(
                new Value("l", null, 2, false, false, "second", "list(string)"),
                new Value("l", null, 1, false, false, "first", "list(string)"),
                new Value("l", null, 3, true, false, "\"third\"", "list(string)")))
                .isEqualTo("l = [\n  \"first\",\n  \"second\",\n  \"third\",\n]\n");
        assertThat(plain(text("l", "only", "set(string)"))).isEqualTo("l = [\"only\"]\n");
        assertThat(plain(new Value("l", null, 1, true, false, "1", "list(number)"))).isEqualTo("l = [\n  1,\n]\n");
        assertThat(plain(hcl("l", "[\"a\", \"b\"]", "list(string)"))).isEqualTo("l = [\"a\", \"b\"]\n");
        assertThat(plain(new Value("l", null, 1, true, false, "\"a\" # note", "list(string)"),
                new Value("l", null, 2, true, false, "<<EOT\nb\nEOT", "list(string)")))
                .as("a comma cannot follow a trailing comment or a heredoc on its line")
                .isEqualTo("l = [\n  \"a\" # note\n  ,\n  <<EOT\nb\nEOT\n  ,\n]\n");
    }

    @Test
    void severalRowsNeedDistinctOrdersAndASequence() {
        assertThatThrownBy(() -> plain(new Value("l", null, 1, false, false, "a", "list(string)"),
                new Value("l", null, null, false, false, "b", "list(string)")))
                .isInstanceOf(Tfvars.Invalid.class).hasMessage("l: several values need a substitution_order each");
        assertThatThrownBy(() -> plain(new Value("l", null, 1, false, false, "a", "list(string)"),
                new Value("l", null, 1, false, false, "b", "list(string)")))
                .isInstanceOf(Tfvars.Invalid.class).hasMessage("l: substitution_order 1 is given twice");
        assertThatThrownBy(() -> plain(new Value("s", null, 1, false, false, "a", "string"),
                new Value("s", null, 2, false, false, "b", "string")))
                .isInstanceOf(Tfvars.Invalid.class).hasMessageContaining("several values");
    }

    @Test
    void aMapOrObjectNeedsHclOrMembers() {
        assertThatThrownBy(() -> plain(text("o", "{a = 1}", "object({a = number})")))
                .isInstanceOf(Tfvars.Invalid.class).hasMessageContaining("o: a map or object value needs hcl_setting True");
    }

    @Test
    void membersMakeOneObject() throws Exception {
        String rendered = plain(
                member("server", "name", null, false, "web \"1\""),
                member("server", "size", null, true, "2"),
                member("server", "disk.type", null, false, "ssd"),
                member("server", "disk.gb", null, true, "100"),
                member("server", "tags", 2, false, "b"),
                member("server", "tags", 1, false, "a"));

        assertThat(rendered).isEqualTo("""
                server = {
                  "name" = "web \\"1\\""
                  "size" = 2
                  "disk" = {
                    "type" = "ssd"
                    "gb" = 100
                  }
                  "tags" = [
                    "a",
                    "b",
                  ]
                }
                """);
    }

    @Test
    void membersMustNotClash() {
        assertThatThrownBy(() -> plain(member("o", "a", null, false, "x"), member("o", "a.b", null, false, "y")))
                .isInstanceOf(Tfvars.Invalid.class).hasMessage("o.a: a value and members of it");
        assertThatThrownBy(() -> plain(member("o", "a.b", null, false, "y"), member("o", "a", null, false, "x")))
                .isInstanceOf(Tfvars.Invalid.class).hasMessage("o.a: a value and members of it");
        assertThatThrownBy(() -> plain(member("o", "a..b", null, false, "y")))
                .isInstanceOf(Tfvars.Invalid.class).hasMessageContaining("is not a member name");
        assertThatThrownBy(() -> plain(member("o", "a", null, false, "x"), text("o", "whole", "object({})")))
                .isInstanceOf(Tfvars.Invalid.class).hasMessage("o: values for the whole variable and for its members");
        assertThatThrownBy(() -> plain(new Value("s", "a", null, false, false, "x", "string")))
                .isInstanceOf(Tfvars.Invalid.class).hasMessage("s: member values need a map or object variable");
        assertThatThrownBy(() -> plain(member("o", "a", null, false, "x"), member("o", "a", null, false, "y")))
                .isInstanceOf(Tfvars.Invalid.class).hasMessage("o: several values need a substitution_order each");
    }

    @Test
    void aVariableWithOneSensitiveRowGoesWholeToTheSensitiveFile() throws Exception {
        List<Value> values = List.of(
                text("visible", "v", "string"),
                new Value("secret", null, null, false, true, "p@ss", "string"),
                member("mixed", "user", null, false, "admin"),
                new Value("mixed", "password", null, false, true, "pw", "object({})"));

        assertThat(Tfvars.render(values, false)).isEqualTo("visible = \"v\"\n");
        assertThat(Tfvars.render(values, true)).isEqualTo("mixed = {\n  \"user\" = \"admin\"\n  \"password\" = \"pw\"\n}\n"
                + "secret = \"p@ss\"\n");
        assertThat(Tfvars.render(List.of(), true)).isEmpty();
    }

    /** Whatever the rows, rendering answers text or Invalid, and text values never become HCL. */
    @Test
    void anyRowsRenderOrAreRefused() throws Exception {
        String alphabet = "ab.:[]{}\"\\\n$%{}#=<<EOT 1";
        List<String> types = Arrays.asList(null, "string", "list(string)", "map(string)", "object({})", "any");
        Random random = new Random(7);
        for (int run = 0; run < 5_000; run++) {
            List<Value> values = new ArrayList<>();
            for (int i = random.nextInt(4); i >= 0; i--) {
                values.add(new Value(random.nextBoolean() ? "v" : "mv:w", random.nextInt(3) == 0 ? "a" : null,
                        random.nextBoolean() ? null : random.nextInt(3), random.nextBoolean(), random.nextBoolean(),
                        randomText(random, alphabet), types.get(random.nextInt(types.size()))));
            }
            try {
                String rendered = Tfvars.render(values, false) + Tfvars.render(values, true);
                for (Value value : values) {
                    if (!value.hcl() && value.value().contains("${")) {
                        assertThat(rendered).contains(value.value().replace("\\", "\\\\").replace("\"", "\\\"")
                                .replace("\n", "\\n").replace("${", "$${").replace("%{", "%%{"));
                    }
                }
            } catch (Tfvars.Invalid expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
    }

    private static String randomText(Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
