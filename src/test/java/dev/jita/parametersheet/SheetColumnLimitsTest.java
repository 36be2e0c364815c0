package dev.jita.parametersheet;

import static dev.jita.parametersheet.SheetBodies.DATA;
import static dev.jita.parametersheet.SheetBodies.item;
import static dev.jita.parametersheet.SheetBodies.sheet;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jita.test.ApiTest;
import dev.jita.test.Http;
import dev.jita.test.TestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.node.ObjectNode;

/** Every column class's limits, each value accepted or refused with its reason on its field (499-00701). */
@TestPropertySource(properties = "jita.menu-create.enabled=false")
class SheetColumnLimitsTest extends ApiTest {

    /** A database of its own: its menu-create items stay Unexecuted, out of other tests' engines. */
    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }

    /** One item of {@code columnClass} with {@code keys}; {@code refused}: the key whose reason it gets, or null. */
    private record Case(String columnClass, Map<String, Object> keys, String refused) {
    }

    private final List<Case> cases = new ArrayList<>();

    private void accepted(String columnClass, Object... keys) {
        cases.add(new Case(columnClass, map(keys), null));
    }

    private void refused(String columnClass, String field, Object... keys) {
        cases.add(new Case(columnClass, map(keys), field));
    }

    private static Map<String, Object> map(Object... keys) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keys.length; i += 2) {
            map.put((String) keys[i], keys[i + 1]);
        }
        return map;
    }

    @Test
    void everyClassAcceptsItsLimitsAndRefusesWhatLiesBeyond() {
        String single = "SingleTextColumn";
        accepted(single, "single_string_maximum_bytes", 1);
        accepted(single, "single_string_maximum_bytes", 65536);
        accepted(single, "single_string_maximum_bytes", "255");
        refused(single, "single_string_maximum_bytes", "single_string_maximum_bytes", 0);
        refused(single, "single_string_maximum_bytes", "single_string_maximum_bytes", 65537);
        refused(single, "single_string_maximum_bytes", "single_string_maximum_bytes", "ten");
        refused(single, "single_string_maximum_bytes", "single_string_maximum_bytes", 1.5);
        refused(single, "single_string_maximum_bytes");
        accepted(single, "single_string_maximum_bytes", 6, "single_string_default_value", "ああ");
        refused(single, "single_string_default_value", "single_string_maximum_bytes", 5, "single_string_default_value", "ああ");
        refused(single, "single_string_default_value", "single_string_maximum_bytes", 9, "single_string_default_value", "a\nb");
        accepted(single, "single_string_maximum_bytes", 9, "single_string_regular_expression", "[a-z]+",
                "single_string_default_value", "abc");
        refused(single, "single_string_default_value", "single_string_maximum_bytes", 9,
                "single_string_regular_expression", "[a-z]+", "single_string_default_value", "ab1");
        refused(single, "single_string_regular_expression", "single_string_maximum_bytes", 9,
                "single_string_regular_expression", "[a-z");

        String multi = "MultiTextColumn";
        accepted(multi, "multi_string_maximum_bytes", 65536, "multi_string_default_value", "a\nb");
        refused(multi, "multi_string_maximum_bytes", "multi_string_maximum_bytes", 65537);
        refused(multi, "multi_string_maximum_bytes", "multi_string_maximum_bytes", 0);
        refused(multi, "multi_string_default_value", "multi_string_maximum_bytes", 2, "multi_string_default_value", "abc");
        refused(multi, "multi_string_regular_expression", "multi_string_maximum_bytes", 2,
                "multi_string_regular_expression", "(");

        String num = "NumColumn";
        accepted(num);
        accepted(num, "integer_minimum_value", -2147483648L, "integer_maximum_value", 2147483647L,
                "integer_default_value", 0);
        accepted(num, "integer_minimum_value", "-5", "integer_maximum_value", "5", "integer_default_value", "5");
        refused(num, "integer_minimum_value", "integer_minimum_value", -2147483649L);
        refused(num, "integer_maximum_value", "integer_maximum_value", 2147483648L);
        refused(num, "integer_minimum_value", "integer_minimum_value", 5, "integer_maximum_value", 1);
        refused(num, "integer_default_value", "integer_minimum_value", 0, "integer_maximum_value", 5,
                "integer_default_value", 6);
        refused(num, "integer_default_value", "integer_default_value", "1.5");

        String decimal = "FloatColumn";
        accepted(decimal);
        accepted(decimal, "decimal_minimum_value", -99999999999999L, "decimal_maximum_value", "99999999999999",
                "decimal_digit", 14);
        accepted(decimal, "decimal_digit", 1, "decimal_default_value", 5);
        accepted(decimal, "decimal_digit", 3, "decimal_default_value", "1.20");
        refused(decimal, "decimal_minimum_value", "decimal_minimum_value", -100000000000000L);
        refused(decimal, "decimal_maximum_value", "decimal_maximum_value", "100000000000000");
        refused(decimal, "decimal_digit", "decimal_digit", 0);
        refused(decimal, "decimal_digit", "decimal_digit", 15);
        refused(decimal, "decimal_default_value", "decimal_digit", 3, "decimal_default_value", 1.234);
        refused(decimal, "decimal_minimum_value", "decimal_minimum_value", 2, "decimal_maximum_value", 1.5);
        refused(decimal, "decimal_default_value", "decimal_maximum_value", 1, "decimal_default_value", 1.5);
        refused(decimal, "decimal_default_value", "decimal_default_value", "1e5");

        accepted("DateTimeColumn", "datetime_default_value", "2026/12/01 10:00:00");
        refused("DateTimeColumn", "datetime_default_value", "datetime_default_value", "2026/02/30 10:00:00");
        refused("DateTimeColumn", "datetime_default_value", "datetime_default_value", "2026-12-01 10:00:00");
        accepted("DateColumn", "date_default_value", "2028/02/29");
        refused("DateColumn", "date_default_value", "date_default_value", "2027/02/29");
        refused("DateColumn", "date_default_value", "date_default_value", "2027/1/1");

        String password = "PasswordColumn";
        accepted(password, "password_maximum_bytes", 1);
        accepted(password, "password_maximum_bytes", 8192);
        refused(password, "password_maximum_bytes", "password_maximum_bytes", 0);
        refused(password, "password_maximum_bytes", "password_maximum_bytes", 8193);
        refused(password, "password_maximum_bytes");

        accepted("FileUploadColumn", "file_upload_maximum_bytes", 1);
        accepted("FileUploadColumn", "file_upload_maximum_bytes", 2147483647L);
        refused("FileUploadColumn", "file_upload_maximum_bytes", "file_upload_maximum_bytes", 0);
        refused("FileUploadColumn", "file_upload_maximum_bytes");

        String link = "HostInsideLinkTextColumn";
        accepted(link, "link_maximum_bytes", 8192, "link_default_value", "https://example.com/");
        refused(link, "link_maximum_bytes", "link_maximum_bytes", 8193);
        refused(link, "link_maximum_bytes", "link_maximum_bytes", 0);
        refused(link, "link_default_value", "link_maximum_bytes", 5, "link_default_value", "https://example.com/");

        accepted("IDColumn", "pulldown_selection", "operation_list:operation_name");
        refused("IDColumn", "pulldown_selection");
        refused("IDColumn", "pulldown_selection_id", "pulldown_selection_id", "operation_list:scheduled_date_for_execution");
        refused("IDColumn", "pulldown_selection_default_value", "pulldown_selection", "operation_list:operation_name",
                "pulldown_selection_default_value", "no such operation");
        refused("SomethingElse", "column_class");

        TestWorkspace workspace = newWorkspace("sl-org");
        String define = "/api/" + workspace.org() + "/workspaces/ws1/ita/create/define/execute/";
        SoftAssertions softly = new SoftAssertions();
        int n = 0;
        for (Case c : cases) {
            ObjectNode body = sheet("create_new", "limits" + n++, DATA);
            ObjectNode column = item(body, "c1", "value", c.columnClass());
            c.keys().forEach((key, value) -> column.set(key, Http.JSON.valueToTree(value)));
            Http.Reply reply = workspace.member().post(define, body);
            if (c.refused() == null) {
                softly.assertThat(reply.status()).as(c + " " + reply).isEqualTo(200);
            } else {
                softly.assertThat(reply.result()).as(c + " " + reply).isEqualTo("499-00701");
                softly.assertThat(reply.data().path("errors").propertyNames()).as(c + " " + reply)
                        .containsExactly("column.c1." + c.refused());
            }
        }
        softly.assertAll();
        assertThat(workspace.viewer().get(workspace.menus() + "menu_definition_list/filter/count/").data().asInt())
                .isEqualTo(cases.stream().filter(c -> c.refused() == null).count());
    }
}
