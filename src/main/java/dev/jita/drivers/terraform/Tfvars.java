package dev.jita.drivers.terraform;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The text of {@code terraform.tfvars} (non-sensitive variables) and of the separate file of sensitive ones,
 * from the rows of {@code subst_value_list_terraform_cli}. A value with {@code hcl_setting} True is written as
 * the HCL the user gave (it must be one expression); any other value is written as a quoted HCL string, its
 * {@code ${} and {@code %{} escaped so that user text is never a template. Terraform converts such a string to
 * a number or bool variable's type. How the rows of one variable combine:
 * <ul>
 * <li>one row without member: the value; for a list, set or tuple variable a value that is not HCL, or a row
 *     with a {@code substitution_order}, is the list's one element; a map or object variable needs HCL or
 *     member rows;</li>
 * <li>several rows without member (a list, set, tuple or untyped variable): a list in {@code substitution_order};</li>
 * <li>rows with {@code member_variable_name} (a map, object or untyped variable): one object, the member name a
 *     path of keys separated by "." ({@code a.b} is key {@code b} of the object at key {@code a}); the rows of a
 *     member with a {@code substitution_order} make a list in that order.</li>
 * </ul>
 * A variable with any sensitive row goes, whole, to the sensitive file (as Exastro does).
 */
final class Tfvars {

    /**
     * One value row. {@code variable} may be "movement:variable" (the part after the last colon is the name);
     * {@code member} and {@code order} are null when not given; {@code type} is the variable's declared type
     * as HCL text ({@code list(string)}, ...), null when not known.
     */
    record Value(String variable, String member, Integer order, boolean hcl, boolean sensitive, String value,
                 String type) {
    }

    /** Rows that do not make a value; the message names the variable and the reason. */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message);
        }
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    private static final String INDENT = "  ";

    private enum Kind { SCALAR, SEQUENCE, STRUCTURE, ANY }

    private Tfvars() {
    }

    /** The file of the sensitive variables when {@code sensitive}, else of the others: "name = value" lines by name. */
    static String render(List<Value> values, boolean sensitive) throws Invalid {
        Map<String, List<Value>> byVariable = new TreeMap<>();
        for (Value value : values) {
            byVariable.computeIfAbsent(name(value.variable()), n -> new ArrayList<>()).add(value);
        }
        StringBuilder file = new StringBuilder();
        for (Map.Entry<String, List<Value>> variable : byVariable.entrySet()) {
            boolean anySensitive = variable.getValue().stream().anyMatch(Value::sensitive);
            if (anySensitive == sensitive) {
                file.append(variable.getKey()).append(" = ").append(variable(variable.getKey(), variable.getValue()))
                        .append('\n');
            }
        }
        return file.toString();
    }

    /**
     * Each variable's value as one HCL expression, by name (for an API that takes variables one by one, such
     * as Terraform Cloud's), with the same rules as {@link #render}.
     */
    static Map<String, String> expressions(List<Value> values) throws Invalid {
        Map<String, List<Value>> byVariable = new TreeMap<>();
        for (Value value : values) {
            byVariable.computeIfAbsent(name(value.variable()), n -> new ArrayList<>()).add(value);
        }
        Map<String, String> expressions = new LinkedHashMap<>();
        for (Map.Entry<String, List<Value>> variable : byVariable.entrySet()) {
            expressions.put(variable.getKey(), variable(variable.getKey(), variable.getValue()));
        }
        return expressions;
    }

    /** A quoted HCL string of {@code text}: escapes for \ " and controls, and $${ / %%{ so nothing is a template. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        String value = text == null ? "" : text;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> quoted.append("\\\\");
                case '"' -> quoted.append("\\\"");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '$', '%' -> {
                    quoted.append(c);
                    if (i + 1 < value.length() && value.charAt(i + 1) == '{') {
                        quoted.append(c);
                    }
                }
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    private static String name(String variable) throws Invalid {
        String name = variable == null ? "" : variable.substring(variable.lastIndexOf(':') + 1).strip();
        if (!NAME.matcher(name).matches()) {
            throw new Invalid("\"" + variable + "\" is not a variable name");
        }
        return name;
    }

    private static String variable(String name, List<Value> rows) throws Invalid {
        Kind kind = kind(rows.stream().map(Value::type).filter(t -> t != null && !t.isBlank()).findFirst().orElse(null));
        List<Value> whole = rows.stream().filter(r -> r.member() == null || r.member().isBlank()).toList();
        if (whole.isEmpty()) {
            if (kind != Kind.STRUCTURE && kind != Kind.ANY) {
                throw new Invalid(name + ": member values need a map or object variable");
            }
            return members(name, rows);
        }
        if (whole.size() < rows.size()) {
            throw new Invalid(name + ": values for the whole variable and for its members");
        }
        if (whole.size() == 1 && !(kind == Kind.SEQUENCE && whole.get(0).order() != null)) {
            Value row = whole.get(0);
            if (row.hcl()) {
                return hcl(name, row);
            }
            return switch (kind) {
                case SEQUENCE -> "[" + quote(row.value()) + "]";
                case STRUCTURE -> throw new Invalid(name + ": a map or object value needs hcl_setting True, "
                        + "or one value per member");
                default -> quote(row.value());
            };
        }
        if (kind != Kind.SEQUENCE && kind != Kind.ANY) {
            throw new Invalid(name + ": several values for a variable that is not a list, set or tuple");
        }
        return list(name, whole, "");
    }

    /** Rows of one list, in substitution order, each order given once. */
    private static String list(String name, List<Value> rows, String indent) throws Invalid {
        List<Value> sorted = new ArrayList<>(rows);
        for (Value row : sorted) {
            if (row.order() == null) {
                throw new Invalid(name + ": several values need a substitution_order each");
            }
        }
        sorted.sort(Comparator.comparing(Value::order));
        StringBuilder list = new StringBuilder("[\n");
        Integer previous = null;
        for (Value row : sorted) {
            if (row.order().equals(previous)) {
                throw new Invalid(name + ": substitution_order " + previous + " is given twice");
            }
            previous = row.order();
            String element = element(name, row);
            list.append(indent).append(INDENT).append(element).append(endsSafely(element) ? "" : "\n" + indent + INDENT)
                    .append(",\n");
        }
        return list.append(indent).append(']').toString();
    }

    /**
     * Whether a comma may follow on the element's line: not after a heredoc's end marker or a trailing comment
     * of HCL as given (inside brackets a newline before the comma is allowed).
     */
    private static boolean endsSafely(String element) {
        return !element.contains("\n") && !element.contains("#") && !element.contains("//") && !element.contains("/*");
    }

    private static String element(String name, Value row) throws Invalid {
        return row.hcl() ? hcl(name, row) : quote(row.value());
    }

    private static String hcl(String name, Value row) throws Invalid {
        String value = row.value() == null ? "" : row.value().strip();
        if (value.isEmpty() || !TerraformVariables.isExpression(value)) {
            throw new Invalid(name + (row.member() == null || row.member().isBlank() ? "" : "." + row.member())
                    + ": hcl_setting True needs one HCL expression");
        }
        return value;
    }

    /** Member rows as one object: a tree of keys, whose leaves are a value or a list of values. */
    private static String members(String name, List<Value> rows) throws Invalid {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Value row : rows) {
            String[] path = row.member().strip().split("\\.", -1);
            Map<String, Object> node = root;
            for (int i = 0; i < path.length; i++) {
                String key = path[i].strip();
                if (key.isEmpty()) {
                    throw new Invalid(name + ": \"" + row.member() + "\" is not a member name");
                }
                boolean leaf = i == path.length - 1;
                Object child = node.get(key);
                if (leaf) {
                    if (child instanceof Map) {
                        throw new Invalid(name + "." + row.member() + ": a value and members of it");
                    }
                    @SuppressWarnings("unchecked")
                    List<Value> values = child == null ? new ArrayList<>() : (List<Value>) child;
                    values.add(row);
                    node.put(key, values);
                } else {
                    if (child instanceof List) {
                        throw new Invalid(name + "." + String.join(".", List.of(path).subList(0, i + 1))
                                + ": a value and members of it");
                    }
                    @SuppressWarnings("unchecked")
                    Map<String, Object> next = child == null ? new LinkedHashMap<>() : (Map<String, Object>) child;
                    node.put(key, next);
                    node = next;
                }
            }
        }
        return object(name, root, "");
    }

    @SuppressWarnings("unchecked")
    private static String object(String name, Map<String, Object> node, String indent) throws Invalid {
        StringBuilder object = new StringBuilder("{\n");
        for (Map.Entry<String, Object> entry : node.entrySet()) {
            object.append(indent).append(INDENT).append(quote(entry.getKey())).append(" = ");
            String inner = indent + INDENT;
            if (entry.getValue() instanceof Map) {
                object.append(object(name, (Map<String, Object>) entry.getValue(), inner));
            } else {
                List<Value> values = (List<Value>) entry.getValue();
                object.append(values.size() == 1 && values.get(0).order() == null
                        ? element(name, values.get(0)) : list(name, values, inner));
            }
            object.append('\n');
        }
        return object.append(indent).append('}').toString();
    }

    /** What a type constraint is, by its outer keyword: {@code list(object({...}))} is a sequence. */
    private static Kind kind(String type) {
        if (type == null) {
            return Kind.ANY;
        }
        String keyword = type.strip().toLowerCase(Locale.ROOT).split("[^a-z]", 2)[0];
        return switch (keyword) {
            case "string", "number", "bool" -> Kind.SCALAR;
            case "list", "set", "tuple" -> Kind.SEQUENCE;
            case "map", "object" -> Kind.STRUCTURE;
            default -> Kind.ANY;
        };
    }
}
