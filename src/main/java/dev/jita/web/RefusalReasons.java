package dev.jita.web;

import dev.jita.core.Messages;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The menu engine's refusal reasons in the page's language. The engine answers the API in English (as Exastro's
 * 499 does); a page maps each known form of reason to a message key, its variable parts kept as arguments. A
 * reason of no known form (e.g. from a module's {@link dev.jita.menu.RecordCheck}) is shown as given.
 */
final class RefusalReasons {

    /** The engine's reason when a record's last update is not the one the request read. */
    static final String CHANGED = "the record was changed by someone else since it was read";

    private record Form(Pattern pattern, String key) {
    }

    private static final List<Form> FORMS = List.of(
            form("required", "required"),
            form("an integer from (-?\\d+) to (-?\\d+)", "integer"),
            form("at most (\\d+) characters", "characters"),
            form("at most (\\d+) bytes \\(UTF-8\\)", "bytes"),
            form("at most (\\d+) digits", "digits"),
            form("invalid format", "format"),
            form("a date and time as YYYY/MM/DD hh:mm:ss", "datetime"),
            form("a date as YYYY/MM/DD", "date"),
            form("one of \\[(.*)]", "choice"),
            form("no \\S+ \"(.*)\" in (\\S+)", "reference"),
            form("a value of (\\S+) in a record with the same (\\S+)(?: \\(\"(.*)\" is not\\))?", "keyed_reference"),
            form("a record with the same (.+) already exists", "duplicate"),
            form("a record with the same values already exists", "duplicate_values"),
            form(Pattern.quote(CHANGED), "changed"),
            form("a discarded record cannot be updated; restore it first", "discarded"),
            form("the record is already discarded", "already_discarded"),
            form("no record (\\S+)", "gone"),
            form("a decimal number, e\\.g\\. 12\\.5", "decimal"),
            form("a number from (\\S+) to (\\S+)", "range"),
            form("must be a string", "string"),
            form("discard must be \"0\" or \"1\"", "discard_flag"),
            form("cannot be set", "not_settable"));

    private RefusalReasons() {
    }

    private static Form form(String regex, String key) {
        return new Form(Pattern.compile(regex), "ui.reason." + key);
    }

    static String translate(String reason, Locale locale, Messages messages) {
        for (Form form : FORMS) {
            Matcher matcher = form.pattern().matcher(reason);
            if (matcher.matches()) {
                Object[] args = new Object[matcher.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = matcher.group(i + 1) == null ? "" : matcher.group(i + 1);
                }
                return messages.get(locale, form.key(), args);
            }
        }
        return reason;
    }
}
