package dev.jita.drivers.terraform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The top-level {@code variable "name" { ... }} blocks of a Terraform file (HCL native syntax), with their
 * {@code type} and {@code default} as HCL source text and their {@code sensitive} flag.
 * Not an HCL evaluator: it only finds where blocks and expressions begin and end, which needs comments,
 * strings (escapes, {@code ${...}} and {@code %{...}} templates, which may hold strings in turn), heredocs and
 * nested brackets to be skipped correctly. Anything it cannot follow is {@link Malformed}.
 */
final class TerraformVariables {

    /** A declared variable; {@code type} and {@code defaultValue} are HCL text, null when not declared. */
    record Variable(String name, String type, String defaultValue, boolean sensitive) {
    }

    /** The file is not HCL this reader can follow; the message says where. */
    static final class Malformed extends Exception {
        Malformed(String message) {
            super(message);
        }
    }

    /** Deeper nesting is refused rather than followed into a stack overflow. */
    private static final int MAX_DEPTH = 256;

    private final String text;
    private int position;
    private int depth;

    private TerraformVariables(String text) {
        this.text = text;
    }

    /** The file's variables in the order declared (a name declared twice keeps its first block, as an error in Terraform). */
    static List<Variable> read(String text) throws Malformed {
        TerraformVariables reader = new TerraformVariables(text.startsWith("\uFEFF") ? text.substring(1) : text);
        Map<String, Variable> variables = new LinkedHashMap<>();
        for (Variable variable : reader.body()) {
            variables.putIfAbsent(variable.name(), variable);
        }
        return new ArrayList<>(variables.values());
    }

    /**
     * Whether {@code hcl} is one HCL expression (brackets balanced, strings and heredocs closed, nothing after
     * it but blanks and comments): what an attribute's value may be.
     */
    static boolean isExpression(String hcl) {
        TerraformVariables reader = new TerraformVariables(hcl);
        try {
            reader.skipBlank(true);
            reader.expression();
            reader.skipBlank(true);
            return reader.atEnd();
        } catch (Malformed e) {
            return false;
        }
    }

    /** The top-level body: attributes and blocks until the end of the file. */
    private List<Variable> body() throws Malformed {
        List<Variable> variables = new ArrayList<>();
        while (true) {
            skipBlank(true);
            if (atEnd()) {
                return variables;
            }
            String type = identifier();
            skipBlank(false);
            if (!atEnd() && peek() == '=') {
                position++;
                expression();
                continue;
            }
            List<String> labels = new ArrayList<>();
            while (!atEnd() && peek() != '{') {
                labels.add(peek() == '"' ? stringLiteral() : identifier());
                skipBlank(false);
            }
            expect('{');
            if (type.equals("variable") && labels.size() == 1) {
                variables.add(variableBody(labels.get(0)));
            } else {
                nested('}');
            }
        }
    }

    /** After a variable block's "{": its attributes, its nested blocks skipped, up to and with its "}". */
    private Variable variableBody(String name) throws Malformed {
        Map<String, String> attributes = new LinkedHashMap<>();
        while (true) {
            skipBlank(true);
            if (atEnd()) {
                throw malformed("variable \"" + name + "\" is not closed");
            }
            if (peek() == '}') {
                position++;
                break;
            }
            String attribute = identifier();
            skipBlank(false);
            if (!atEnd() && peek() == '=') {
                position++;
                attributes.putIfAbsent(attribute, expression());
            } else {
                while (!atEnd() && peek() != '{') {
                    if (peek() == '"') {
                        stringLiteral();
                    } else {
                        identifier();
                    }
                    skipBlank(false);
                }
                expect('{');
                nested('}');
            }
        }
        return new Variable(name, attributes.get("type"), attributes.get("default"),
                "true".equals(attributes.get("sensitive")));
    }

    /**
     * An attribute's expression: up to a newline outside brackets, or the "}" that closes the block around a
     * one-line block; its text without the surrounding blanks and a trailing comment.
     */
    private String expression() throws Malformed {
        skipBlank(false);
        int start = position;
        int end = position;
        while (!atEnd()) {
            char c = peek();
            if (c == '\n' || c == '}') {
                break;
            }
            if (startsComment()) {
                skipComment();
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                position++;
                continue;
            }
            token();
            end = position;
        }
        if (end == start) {
            throw malformed("an attribute has no value");
        }
        return text.substring(start, end);
    }

    /** One token of an expression, brackets with all they hold counted as one. */
    private void token() throws Malformed {
        char c = peek();
        switch (c) {
            case '"' -> stringLiteral();
            case '(' -> {
                position++;
                nested(')');
            }
            case '[' -> {
                position++;
                nested(']');
            }
            case '{' -> {
                position++;
                nested('}');
            }
            case ')', ']', '}' -> throw malformed("unexpected '" + c + "'");
            default -> {
                if (text.startsWith("<<", position) && heredoc()) {
                    return;
                }
                position++;
            }
        }
    }

    /** Tokens, newlines and comments up to and with {@code close}. */
    private void nested(char close) throws Malformed {
        if (++depth > MAX_DEPTH) {
            throw malformed("nested more than " + MAX_DEPTH + " deep");
        }
        while (true) {
            skipBlank(true);
            if (atEnd()) {
                throw malformed("'" + close + "' expected before the end of the file");
            }
            if (peek() == close) {
                position++;
                depth--;
                return;
            }
            token();
        }
    }

    /** A quoted string from its '"': its value with the escapes of HCL read (templates are kept as written). */
    private String stringLiteral() throws Malformed {
        int line = line();
        position++;
        StringBuilder value = new StringBuilder();
        while (!atEnd()) {
            char c = peek();
            if (c == '\n') {
                break;
            }
            if (c == '"') {
                position++;
                return value.toString();
            }
            if (c == '\\') {
                position++;
                if (atEnd()) {
                    break;
                }
                char escaped = peek();
                position++;
                switch (escaped) {
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'u', 'U' -> {
                        int digits = escaped == 'u' ? 4 : 8;
                        if (position + digits > text.length()) {
                            throw malformed("a \\" + escaped + " escape needs " + digits + " hex digits");
                        }
                        try {
                            value.appendCodePoint(Integer.parseInt(text.substring(position, position + digits), 16));
                        } catch (IllegalArgumentException e) {
                            throw malformed("a \\" + escaped + " escape needs " + digits + " hex digits");
                        }
                        position += digits;
                    }
                    default -> value.append(escaped);
                }
                continue;
            }
            if ((c == '$' || c == '%') && text.startsWith(c + "" + c + "{", position)) {
                value.append(c).append('{');
                position += 3;
                continue;
            }
            if ((c == '$' || c == '%') && text.startsWith(c + "{", position)) {
                int start = position;
                position += 2;
                nested('}');
                value.append(text, start, position);
                continue;
            }
            value.append(c);
            position++;
        }
        throw new Malformed("line " + line + ": a string is not closed on its line");
    }

    /** A heredoc from its "<<": true when it was one (and is now skipped), false when "<<" is something else. */
    private boolean heredoc() throws Malformed {
        int start = position;
        int cursor = position + 2;
        if (cursor < text.length() && text.charAt(cursor) == '-') {
            cursor++;
        }
        int nameStart = cursor;
        while (cursor < text.length() && isIdentifierPart(text.charAt(cursor))) {
            cursor++;
        }
        String marker = text.substring(nameStart, cursor);
        int lineEnd = text.indexOf('\n', cursor);
        if (marker.isEmpty() || !Character.isLetter(marker.charAt(0)) || lineEnd < 0
                || !text.substring(cursor, lineEnd).isBlank()) {
            return false;
        }
        int lineStart = lineEnd + 1;
        while (lineStart <= text.length()) {
            int next = text.indexOf('\n', lineStart);
            int stop = next < 0 ? text.length() : next;
            if (text.substring(lineStart, stop).strip().equals(marker)) {
                position = lineStart + text.substring(lineStart, stop).indexOf(marker) + marker.length();
                return true;
            }
            if (next < 0) {
                break;
            }
            lineStart = next + 1;
        }
        position = start;
        throw malformed("the heredoc " + marker + " is not closed");
    }

    private String identifier() throws Malformed {
        int start = position;
        while (!atEnd() && isIdentifierPart(peek())) {
            position++;
        }
        if (start == position || !Character.isLetter(text.charAt(start)) && text.charAt(start) != '_') {
            position = start;
            throw malformed(atEnd() ? "unexpected end of the file" : "unexpected '" + peek() + "'");
        }
        return text.substring(start, position);
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    /** Spaces, tabs and comments, and newlines too when {@code newlines}. */
    private void skipBlank(boolean newlines) throws Malformed {
        while (!atEnd()) {
            char c = peek();
            if (c == ' ' || c == '\t' || c == '\r' || newlines && c == '\n') {
                position++;
            } else if (startsComment()) {
                skipComment();
            } else {
                return;
            }
        }
    }

    private boolean startsComment() {
        char c = peek();
        return c == '#' || text.startsWith("//", position) || text.startsWith("/*", position);
    }

    /** A comment; a line comment stops before its newline, which may end an attribute. */
    private void skipComment() throws Malformed {
        if (text.startsWith("/*", position)) {
            int end = text.indexOf("*/", position + 2);
            if (end < 0) {
                throw malformed("a /* comment is not closed");
            }
            position = end + 2;
            return;
        }
        int end = text.indexOf('\n', position);
        position = end < 0 ? text.length() : end;
    }

    private void expect(char c) throws Malformed {
        if (atEnd() || peek() != c) {
            throw malformed("'" + c + "' expected");
        }
        position++;
    }

    private boolean atEnd() {
        return position >= text.length();
    }

    private char peek() {
        return text.charAt(position);
    }

    private int line() {
        int line = 1;
        for (int i = 0; i < position && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private Malformed malformed(String reason) {
        return new Malformed("line " + line() + ": " + reason);
    }
}
