package dev.jita.transfer;

import dev.jita.core.ApiException;
import dev.jita.core.Times;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import dev.jita.menu.Column;
import dev.jita.menu.ColumnType;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import dev.jita.menu.MenuService;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One menu's records as a workbook of the Excel export's layout, and such a workbook applied back to the menu:
 * Exastro's per-menu {@code excel/} endpoints and the menu table page's download and upload. The workbook is the
 * one the Excel bulk export writes per menu, and the upload goes through {@link SheetImport}, as the Excel bulk
 * import does, in one gate write: all rows or none.
 */
@Service
public class MenuExcel {

    public static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int PAGE = 500;
    private static final int MENU_NAME_LENGTH = 200;
    private static final int REFUSALS_IN_MESSAGE = 20;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** A workbook written to a temporary file, which {@link #close} removes. */
    public record Workbook(String fileName, Path file) implements AutoCloseable {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A temporary file left behind is removed with the system's temporary files.
            }
        }
    }

    /** What an upload wrote: the counts per type, in Exastro's order, and the uuids of the records written. */
    public record Maintained(Map<String, Integer> counts, List<String> ids) {
    }

    private final MenuCatalog catalog;
    private final MenuService menus;
    private final MaintenanceGate gate;
    private final ObjectMapper json;
    private final int maxRows;
    private final int maxDownloadRows;

    MenuExcel(MenuCatalog catalog, MenuService menus, MaintenanceGate gate, ObjectMapper json,
              @Value("${jita.excel-import.max-rows:100000}") int maxRows,
              @Value("${jita.menu-excel.max-rows:100000}") int maxDownloadRows) {
        this.catalog = catalog;
        this.menus = menus;
        this.gate = gate;
        this.json = json;
        this.maxRows = maxRows;
        this.maxDownloadRows = maxDownloadRows;
    }

    /** The most records a download (Excel or JSON) holds: {@code jita.menu-excel.max-rows}. */
    public int maxDownloadRows() {
        return maxDownloadRows;
    }

    /**
     * The workbook of the menu's records that meet {@code conditions} (Exastro's, as {@code filter/} takes them;
     * null for all), sorted by {@code sort} (null: in the order of registration), or with no record when
     * {@code formatOnly}. More records than {@link #maxDownloadRows} → 400 before anything is written.
     */
    public Workbook download(String organizationId, String workspaceId, String menuName, JsonNode conditions,
                             MenuService.Sort sort, boolean formatOnly, boolean japanese) {
        MenuDefinition menu = catalog.get(organizationId, workspaceId, menuName);
        if (!formatOnly) {
            long total = menus.count(organizationId, workspaceId, menuName, conditions);
            if (total > maxDownloadRows) {
                throw ApiException.badRequest("excel.too_many_records", total, maxDownloadRows);
            }
        }
        Instant now = Times.now();
        Consumer<Consumer<List<MenuService.Record>>> records = page -> {
            if (formatOnly) {
                return;
            }
            if (sort == null) {
                menus.eachPage(organizationId, workspaceId, menuName, conditions, PAGE, false, page);
                return;
            }
            for (int offset = 0; ; offset += PAGE) {
                List<MenuService.Record> found = menus.search(organizationId, workspaceId, menuName, conditions, sort,
                        offset, PAGE, false);
                page.accept(found);
                if (found.size() < PAGE) {
                    return;
                }
            }
        };
        String filter = formatOnly ? null : conditions == null || conditions.isEmpty() ? "" : conditions.toString();
        Path file = null;
        try {
            file = Files.createTempFile("jita-menu-excel-", ".xlsx");
            try (OutputStream out = Files.newOutputStream(file)) {
                ExcelWorkbook.write(menu, new ExcelWorkbook.Labels(japanese), 1, SHOWN.format(now), filter,
                        pulldowns(organizationId, workspaceId, menu), records, out);
            }
            String name = safe(japanese ? menu.nameJa() : menu.nameEn());
            return new Workbook(name.substring(0, Math.min(name.length(), MENU_NAME_LENGTH)) + "_" + STAMP.format(now)
                    + ".xlsx", file);
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            // POI refuses what Excel cannot hold, e.g. a value over 32,767 characters.
            delete(file);
            throw ApiException.badRequest("excel.unwritable", e.getMessage());
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    /**
     * Applies the workbook's rows (process type Register/Update/Discard/Restore in column C) to the menu in one gate
     * write: all or nothing. {@code workbook} is read inside, after the load-mode check. Refusals: 499-00401 not an
     * xlsx, 499-00402 not this menu's workbook, 499-00201 rows refused; each names its Excel row and column in
     * {@code data.refusals} (and by row and REST column in {@code data.errors}).
     */
    public Maintained maintain(String organizationId, String workspaceId, String menuName, Supplier<byte[]> workbook,
                               String user, boolean japanese) {
        MenuDefinition menu = catalog.get(organizationId, workspaceId, menuName);
        if (!menu.userWritable()) {
            throw new ApiException("403-00001", "menu.read_only", menuName);
        }
        Path[] file = {null};
        try {
            return gate.write(Refusal.MENU_DATA, () -> {
                if (file[0] == null) {
                    file[0] = temporary(workbook.get());
                }
                SheetImport sheet = new SheetImport(menus, gate, json, organizationId, workspaceId, user, menu, maxRows,
                        japanese, () -> { });
                sheet.apply(file[0]);
                if (!sheet.refusals().isEmpty()) {
                    throw refused(menu, sheet.refusals(), japanese);
                }
                return new Maintained(sheet.counts(), sheet.ids());
            });
        } finally {
            delete(file[0]);
        }
    }

    private static Path temporary(byte[] content) {
        try {
            Path file = Files.createTempFile("jita-menu-excel-", ".xlsx");
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ApiException refused(MenuDefinition menu, List<SheetImport.Refusal> refusals, boolean japanese) {
        String title = (japanese ? menu.nameJa() : menu.nameEn()) + " (" + menu.restName() + ")";
        Map<String, Map<String, List<String>>> errors = new TreeMap<>();
        List<Map<String, Object>> listed = refusals.stream().map(refusal -> {
            if (refusal.row() > 0) {
                errors.computeIfAbsent(String.valueOf(refusal.row()), k -> new TreeMap<>())
                        .computeIfAbsent(refusal.restName() == null ? "" : refusal.restName(),
                                k -> new java.util.ArrayList<>()).add(refusal.reason());
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("row", refusal.row() > 0 ? refusal.row() : null);
            one.put("column", refusal.column());
            one.put("rest_name", refusal.restName());
            one.put("reason", refusal.reason());
            return one;
        }).toList();
        List<String> lines = refusals.stream().limit(REFUSALS_IN_MESSAGE).map(refusal -> refusal.text(title)).toList();
        String message = String.join("\n", lines) + (refusals.size() > REFUSALS_IN_MESSAGE
                ? "\n… (" + refusals.size() + ")" : "");
        String code = refusals.stream().map(SheetImport.Refusal::code)
                .filter(c -> c.equals(SheetImport.UNREADABLE) || c.equals(SheetImport.NOT_THIS_MENU)).findFirst()
                .orElse(SheetImport.INVALID);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("errors", errors);
        data.put("refusals", listed);
        return new ApiException(code, "excel.rows_refused", message).withData(data);
    }

    /**
     * The Master lists by REST column name: a choice column's choices, an input reference column's referenced values
     * (of the referenced menu's records that are not discarded, in their order, each once).
     */
    Map<String, List<String>> pulldowns(String organizationId, String workspaceId, MenuDefinition menu) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        for (Column column : menu.columns()) {
            if (column.type() == ColumnType.CHOICE) {
                lists.put(column.restName(), column.choices());
            } else if (column.type() == ColumnType.REFERENCE && !column.readOnly()) {
                String target = column.reference().substring(0, column.reference().indexOf('.'));
                String targetColumn = column.reference().substring(column.reference().indexOf('.') + 1);
                if (catalog.find(organizationId, workspaceId, target).isEmpty()) {
                    continue;
                }
                Set<String> values = new LinkedHashSet<>();
                menus.eachPage(organizationId, workspaceId, target, discard("0"), PAGE, false,
                        page -> page.forEach(record -> {
                            Object value = record.parameter().get(targetColumn);
                            if (value != null) {
                                values.add(value.toString());
                            }
                        }));
                lists.put(column.restName(), List.copyOf(values));
            }
        }
        return lists;
    }

    /** The condition "discard is {@code flag}". */
    JsonNode discard(String flag) {
        return json.createObjectNode().set("discard", json.createObjectNode().set("LIST",
                json.createArrayNode().add(flag)));
    }

    /** A menu name as a file name: no path separators nor characters that file systems refuse. */
    static String safe(String name) {
        String safe = name.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_").trim();
        return safe.isEmpty() || safe.equals(".") || safe.equals("..") ? "menu" : safe;
    }

    private static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A temporary file left behind is removed with the system's temporary files.
        }
    }
}
