package dev.jita.transfer;

import dev.jita.backyard.ClaimedItem;
import dev.jita.backyard.ItemProgress;
import dev.jita.backyard.JobHandler;
import dev.jita.core.ApiException;
import dev.jita.execution.WorkArea;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import dev.jita.menu.Column;
import dev.jita.menu.ColumnType;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import dev.jita.menu.MenuService;
import dev.jita.menu.SecretBox;
import dev.jita.parametersheet.SheetDefinitions;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an export item does: reads the chosen menus page by page and writes the {@code .kym} archive to a file in
 * this node's work area (memory holds one page whatever the menus' size), then stores the archive and the log in
 * {@code transfer_file} and records them on the request, in one transaction of the maintenance gate. Load mode
 * switched ON before that commits leaves nothing behind and hands the item back to Unexecuted.
 */
@Component
class MenuExportRun {

    static final int COMPLETED = 3;
    static final int COMPLETED_ERROR = 4;
    static final String FORMAT = "jita-kym";
    /** The archive layout's version (docs/decisions.md): an import reads only the versions it knows. */
    static final int VERSION = 1;
    static final int PAGE = 200;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(MenuExportRun.class);

    /** Load mode was switched ON while the archive was being written. */
    private static final class LoadModeOn extends RuntimeException {
        LoadModeOn() {
            super("load mode", null, false, false);
        }
    }

    /** Why an export ended in error; its message goes to the log and the item's note. */
    private static final class Failed extends RuntimeException {
        Failed(String reason) {
            super(reason);
        }
    }

    private final MenuExportStore store;
    private final TransferFiles files;
    private final MenuService menus;
    private final MenuCatalog catalog;
    private final MenuTree tree;
    private final SheetDefinitions sheets;
    private final MaintenanceGate gate;
    private final SecretBox secrets;
    private final WorkArea work;
    private final ObjectMapper json;
    private final int passphraseIterations;

    MenuExportRun(MenuExportStore store, TransferFiles files, MenuService menus, MenuCatalog catalog, MenuTree tree,
                  SheetDefinitions sheets, MaintenanceGate gate, SecretBox secrets, WorkArea work, ObjectMapper json,
                  @Value("${jita.menu-export-import.passphrase-iterations:" + KymSecrets.ITERATIONS + "}")
                  int passphraseIterations) {
        if (passphraseIterations < KymSecrets.MIN_ITERATIONS || passphraseIterations > KymSecrets.MAX_ITERATIONS) {
            throw new IllegalArgumentException("jita.menu-export-import.passphrase-iterations must be between "
                    + KymSecrets.MIN_ITERATIONS + " and " + KymSecrets.MAX_ITERATIONS);
        }
        this.store = store;
        this.files = files;
        this.menus = menus;
        this.catalog = catalog;
        this.tree = tree;
        this.sheets = sheets;
        this.gate = gate;
        this.secrets = secrets;
        this.work = work;
        this.json = json;
        this.passphraseIterations = passphraseIterations;
    }

    JobHandler.Step run(ClaimedItem item, ItemProgress progress) {
        MenuExportStore.Row row = store.find(item.itemId()).orElse(null);
        if (row == null) {
            return JobHandler.Step.end(COMPLETED_ERROR, "No export was registered with this item.");
        }
        Path directory = work.directoryFor("menu-export-" + item.itemId());
        List<String> lines = new ArrayList<>();
        String fileName = "ita_exportdata_" + FILE_TIME.format(Instant.now()) + ".kym";
        String logName = "export_" + item.itemId() + ".log";
        try {
            Files.createDirectories(directory);
            Path archive = directory.resolve("archive.kym");
            line(lines, "Export " + item.itemId() + " started.");
            write(row, directory, archive, lines, progress);
            line(lines, "Export completed: " + fileName);
            finish(row, fileName, archive, logName, lines);
            return JobHandler.Step.end(COMPLETED);
        } catch (LoadModeOn e) {
            return waitForLoadMode("498-00014");
        } catch (ApiException e) {
            if (e.status() == 498) {
                return waitForLoadMode(e.result());
            }
            return failed(row, logName, lines, "the export could not be made (" + e.result() + ")");
        } catch (Failed e) {
            return failed(row, logName, lines, e.getMessage());
        } catch (IOException | RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            log.error("Menu export {} failed: unexpected error {}", item.itemId(), incident, e);
            return failed(row, logName, lines, "unexpected error (incident " + incident + ")");
        } finally {
            try {
                WorkArea.deleteTree(directory);
            } catch (IOException e) {
                log.warn("The work directory {} of menu export {} was not removed", directory, item.itemId(), e);
            }
        }
    }

    private static JobHandler.Step waitForLoadMode(String result) {
        return JobHandler.Step.again("Load mode (data_update_stop) was switched ON while the export was being made ("
                + result + "); nothing was kept. It is made again once it is OFF.");
    }

    private JobHandler.Step failed(MenuExportStore.Row row, String logName, List<String> lines, String reason) {
        line(lines, "Export failed: " + reason);
        try {
            finish(row, null, null, logName, lines);
        } catch (ApiException e) {
            if (e.status() == 498) {
                return waitForLoadMode(e.result());
            }
            throw e;
        }
        return JobHandler.Step.end(COMPLETED_ERROR, reason);
    }

    /** The archive (when there is one) and the log, stored with the request's result in one transaction. */
    private void finish(MenuExportStore.Row row, String fileName, Path archive, String logName, List<String> lines) {
        byte[] logBytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        gate.run(Refusal.MENU_EXPORT, () -> {
            String fileId = null;
            if (archive != null) {
                try (InputStream in = Files.newInputStream(archive)) {
                    fileId = files.store(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            String logId = files.store(new ByteArrayInputStream(logBytes));
            store.finish(row.executionNo(), fileName, fileId, logName, logId);
        });
    }

    private void write(MenuExportStore.Row row, Path directory, Path archive, List<String> lines,
                       ItemProgress progress) throws IOException {
        String org = row.organizationId();
        String ws = row.workspaceId();
        KymSecrets keys = row.passphrase() == null ? null : KymSecrets.fresh(new String(
                secrets.open(Base64.getDecoder().decode(row.passphrase())), StandardCharsets.UTF_8),
                passphraseIterations);
        List<String> names = json.readValue(row.menus(), new TypeReference<List<String>>() {
        });
        List<MenuTree.Entry> entries = new ArrayList<>();
        for (String name : names) {
            entries.add(tree.find(org, ws, name, MenuTree.MENU_EXPORT).orElseThrow(() -> new Failed("the menu " + name
                    + " can no longer be exported (it does not exist any more)")));
        }
        line(lines, "Menus: " + String.join(", ", names) + "; mode " + row.mode() + ", abolished type "
                + row.abolishedType() + ", journal type " + row.journalType()
                + (row.specifiedTime() == null ? "" : ", specified time " + row.specifiedTime() + " (UTC)"));
        try (OutputStream out = Files.newOutputStream(archive); ArchiveWriter tar = new ArchiveWriter(out)) {
            tar.add("VERSION", bytes(Map.of("format", FORMAT, "version", VERSION)));
            Map<String, Object> dpInfo = new LinkedHashMap<>();
            dpInfo.put("DP_MODE", row.mode());
            dpInfo.put("ABOLISHED_TYPE", row.abolishedType());
            dpInfo.put("JOURNAL_TYPE", row.journalType());
            dpInfo.put("SPECIFIED_TIMESTAMP", row.specifiedTime());
            dpInfo.put("PASSWORDS", keys == null ? "omitted" : "encrypted");
            tar.add("DP_INFO", bytes(dpInfo));
            tar.add("MENU_NAME_REST_LIST", String.join(",", names).getBytes(StandardCharsets.UTF_8));
            tar.add("MENU_GROUPS", bytes(Map.of("menu_groups", tree.archived(entries))));
            if (keys != null) {
                tar.add("SECRETS", bytes(keys.description()));
            }
            tar.add("PARAMETER_SHEETS", bytes(Map.of("parameter_sheets", sheetDefinitions(org, ws, entries, lines))));
            for (MenuTree.Entry entry : entries) {
                if (!progress.stillHeld()) {
                    throw new Failed("this node no longer holds the export");
                }
                menu(tar, row, entry.menu(), keys, directory, lines);
            }
        }
    }

    /** The made definitions of the chosen sheets and of the sheets their pulldowns name, those named first. */
    private List<Map<String, Object>> sheetDefinitions(String org, String ws, List<MenuTree.Entry> entries,
                                                       List<String> lines) {
        List<String> needed = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (MenuTree.Entry entry : entries) {
            if (entry.sheet()) {
                visit(org, ws, entry.menu(), seen, needed);
            }
        }
        Map<String, JsonNode> made = sheets.made(org, ws, needed);
        List<Map<String, Object>> definitions = new ArrayList<>();
        for (String rest : needed) {
            if (made.containsKey(rest)) {
                definitions.add(Map.of("menu_name_rest", rest, "definition", made.get(rest)));
            }
        }
        if (!definitions.isEmpty()) {
            line(lines, "Parameter sheet definitions: " + String.join(", ", definitions.stream()
                    .map(d -> (String) d.get("menu_name_rest")).toList()));
        }
        return definitions;
    }

    private void visit(String org, String ws, MenuDefinition menu, Set<String> seen, List<String> needed) {
        if (!seen.add(menu.restName())) {
            return;
        }
        for (Column column : menu.columns()) {
            if (column.type() == ColumnType.REFERENCE && column.reference() != null) {
                String target = column.reference().substring(0, column.reference().indexOf('.'));
                catalog.find(org, ws, target).filter(m -> m.sheet() != null)
                        .ifPresent(m -> visit(org, ws, m, seen, needed));
            }
        }
        needed.add(menu.restName());
    }

    /** A menu's records, its journal and its files; the JSON goes through files of the work area. */
    private void menu(ArchiveWriter tar, MenuExportStore.Row row, MenuDefinition menu, KymSecrets keys, Path directory,
                      List<String> lines) throws IOException {
        String org = row.organizationId();
        String ws = row.workspaceId();
        String name = menu.restName();
        ObjectNode conditions = json.createObjectNode();
        if ("2".equals(row.abolishedType())) {
            conditions.putObject("discard").putArray("LIST").add("0");
        }
        if (row.specifiedTime() != null) {
            conditions.putObject("last_update_date_time").putObject("RANGE").put("START", row.specifiedTime());
        }
        List<String> passwords = menu.columns().stream().filter(c -> c.type() == ColumnType.PASSWORD)
                .map(Column::restName).toList();
        List<String> fileColumns = menu.columns().stream().filter(c -> c.type() == ColumnType.FILE)
                .map(Column::restName).toList();
        boolean withJournal = "1".equals(row.journalType());
        Path recordsPath = directory.resolve("records.json");
        Path journalPath = directory.resolve("journal.json");
        long[] counts = new long[3];
        try (JsonArrayFile records = new JsonArrayFile(recordsPath);
             JsonArrayFile journal = new JsonArrayFile(journalPath)) {
            menus.eachPage(org, ws, name, conditions.isEmpty() ? null : conditions, PAGE, !fileColumns.isEmpty(),
                    page -> {
                        if (gate.current().dataUpdateStop()) {
                            throw new LoadModeOn();
                        }
                        for (MenuService.Record record : page) {
                            records.add(record(tar, org, ws, name, record, passwords, fileColumns, keys, counts));
                            counts[0]++;
                        }
                        if (withJournal) {
                            for (List<Map<String, Object>> entries : menus.journals(org, ws, name, page).values()) {
                                for (Map<String, Object> entry : entries) {
                                    if (row.specifiedTime() == null || ((String) entry.get("journal_datetime"))
                                            .compareTo(row.specifiedTime()) >= 0) {
                                        @SuppressWarnings("unchecked")
                                        Map<String, Object> parameter = (Map<String, Object>) entry.get("parameter");
                                        passwords.forEach(parameter::remove);
                                        journal.add(entry);
                                        counts[1]++;
                                    }
                                }
                            }
                        }
                    });
        }
        tar.add(name, recordsPath);
        if (withJournal) {
            tar.add(name + "_JNL", journalPath);
        }
        String passwordNote = passwords.isEmpty() ? ""
                : keys == null ? "; passwords left out (no passphrase was given)"
                : "; passwords encrypted with the passphrase";
        line(lines, name + ": " + counts[0] + " records" + (withJournal ? ", " + counts[1] + " journal entries" : "")
                + ", " + counts[2] + " files" + passwordNote);
    }

    private Map<String, Object> record(ArchiveWriter tar, String org, String ws, String menu, MenuService.Record record,
                                       List<String> passwords, List<String> fileColumns, KymSecrets keys,
                                       long[] counts) {
        Map<String, Object> parameter = new LinkedHashMap<>(record.parameter());
        for (String column : passwords) {
            if (keys == null) {
                parameter.remove(column);
            } else {
                parameter.put(column, menus.secret(org, ws, menu, record.id(), column)
                        .map(clear -> keys.encrypt(clear, KymSecrets.place(menu, record.id(), column))).orElse(null));
            }
        }
        Map<String, Object> file = new LinkedHashMap<>();
        Map<String, Object> filePath = new LinkedHashMap<>();
        for (String column : fileColumns) {
            file.put(column, null);
            String content = record.file().get(column);
            if (content != null) {
                String path = "files/" + menu + "/" + record.id() + "/" + column;
                try {
                    tar.add(path, Base64.getDecoder().decode(content));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                filePath.put(column, path);
                counts[2]++;
            }
        }
        Map<String, Object> exported = new LinkedHashMap<>();
        exported.put("parameter", parameter);
        exported.put("file", file);
        exported.put("file_path", filePath);
        return exported;
    }

    private byte[] bytes(Object value) {
        return json.writeValueAsBytes(value);
    }

    private static void line(List<String> lines, String text) {
        lines.add(LOG_TIME.format(Instant.now()) + " " + text);
    }

    /** A JSON array written to a file one element at a time. */
    private final class JsonArrayFile implements Closeable {
        private final OutputStream out;
        private boolean first = true;

        JsonArrayFile(Path path) throws IOException {
            this.out = new BufferedOutputStream(Files.newOutputStream(path));
            out.write('[');
        }

        void add(Object element) {
            try {
                if (!first) {
                    out.write(',');
                }
                first = false;
                out.write(json.writeValueAsBytes(element));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            out.write(']');
            out.close();
        }
    }
}
