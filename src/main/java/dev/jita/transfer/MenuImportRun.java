package dev.jita.transfer;

import dev.jita.backyard.BackyardItems;
import dev.jita.backyard.ClaimedItem;
import dev.jita.backyard.ItemProgress;
import dev.jita.backyard.JobHandler;
import dev.jita.core.ApiException;
import dev.jita.execution.WorkArea;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.ModeSwitches;
import dev.jita.maintenance.Refusal;
import dev.jita.menu.Column;
import dev.jita.menu.ColumnType;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import dev.jita.menu.MenuService;
import dev.jita.menu.SecretBox;
import dev.jita.parametersheet.SheetImports;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * What an import item does: unpacks its archive into this node's work area, then writes every chosen menu's records
 * in one write of the maintenance gate, all or nothing. A refused record, a wrong passphrase or a bad archive ends
 * the item in 4 with the log naming why, nothing written. Load mode being switched ON (the gate's checkpoints), any
 * mode change under way, or Stop server side jobs ON (read between pages) rolls everything back and hands the item
 * back to Unexecuted.
 */
@Component
class MenuImportRun {

    /** Records between two readings of the modes for Stop server side jobs. */
    static final int PAGE = 200;
    private static final long CHECK_EVERY_NANOS = Duration.ofMillis(100).toNanos();
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final Logger log = LoggerFactory.getLogger(MenuImportRun.class);

    /** A maintenance mode change is under way, or Stop server side jobs is ON. */
    private static final class StepAside extends RuntimeException {
        StepAside(String why) {
            super(why, null, false, false);
        }
    }

    /** Why an import ended in error; its message goes to the log and the item's note. */
    private static final class Failed extends RuntimeException {
        Failed(String reason) {
            super(reason, null, false, false);
        }
    }

    private final MenuExportStore store;
    private final BackyardItems items;
    private final TransferFiles files;
    private final MenuImports imports;
    private final MenuService menus;
    private final MenuCatalog catalog;
    private final MaintenanceGate gate;
    private final ModeSwitches switches;
    private final SecretBox secrets;
    private final WorkArea work;
    private final ObjectMapper json;
    private final SheetImports sheets;

    MenuImportRun(MenuExportStore store, BackyardItems items, TransferFiles files, MenuImports imports, MenuService menus,
                  MenuCatalog catalog, MaintenanceGate gate, ModeSwitches switches, SecretBox secrets, WorkArea work,
                  ObjectMapper json, SheetImports sheets) {
        this.store = store;
        this.items = items;
        this.files = files;
        this.imports = imports;
        this.menus = menus;
        this.catalog = catalog;
        this.gate = gate;
        this.switches = switches;
        this.secrets = secrets;
        this.work = work;
        this.json = json;
        this.sheets = sheets;
    }

    JobHandler.Step run(ClaimedItem item, MenuExportStore.Row row, ItemProgress progress) {
        Path directory = work.directoryFor("menu-import-" + item.itemId());
        List<String> lines = new ArrayList<>();
        String logName = "import_" + item.itemId() + ".log";
        try {
            Files.createDirectories(directory);
            line(lines, "Import " + item.itemId() + " of " + row.fileName() + " started.");
            Set<String> names;
            try (InputStream in = files.open(row.fileId()).orElseThrow(() -> new Failed("the archive is gone"))) {
                names = ArchiveReader.unpack(in, directory, imports.maxBytes(), imports.maxEntries(), () -> { });
            }
            MenuImports.Checked checked = imports.read(directory, names);
            KymSecrets keys = keys(row, directory, checked, lines);
            List<String> requested = json.readValue(row.menus(), new TypeReference<List<String>>() {
            });
            line(lines, "Menus: " + String.join(", ", requested) + "; mode " + row.mode()
                    + ("1".equals(row.mode()) ? " (the menus' records are replaced)" : " (records added and updated by uuid)"));
            String user = items.find(item.itemId()).map(BackyardItems.Item::registeredBy).orElse("import");
            List<String> written = new ArrayList<>();
            gate.run(Refusal.MENU_IMPORT, () -> {
                written.clear();
                // The sheets are made in the import's transaction: a rollback leaves none of them behind.
                List<String> made;
                try {
                    made = sheets.make(row.organizationId(), row.workspaceId(), user, checked.sheetsFor(requested));
                } catch (SheetImports.Refused e) {
                    throw new Failed(e.getMessage());
                }
                if (!made.isEmpty()) {
                    written.add(LOG_TIME.format(Instant.now()) + " Parameter sheets made from the archive: "
                            + String.join(", ", made));
                }
                for (String menu : order(row.organizationId(), row.workspaceId(), requested)) {
                    written.add(menu(row, user, menu, directory, keys, progress));
                }
                // The looks between records are 100 ms apart: the last records may follow a change announced after
                // the last look, and only load mode's are seen by the gate before the commit.
                if (switches.underWay()) {
                    throw new StepAside("A maintenance mode change was under way");
                }
            });
            lines.addAll(written);
            line(lines, "Import completed.");
            finish(row, logName, lines);
            return JobHandler.Step.end(MenuExportRun.COMPLETED);
        } catch (StepAside e) {
            return stepAside(e.getMessage());
        } catch (ApiException e) {
            if (e.status() == 498) {
                return stepAside("Load mode (data_update_stop) was switched ON (" + e.result() + ")");
            }
            return failed(row, logName, lines, e.args().length > 0 ? String.valueOf(e.args()[0]) : e.result());
        } catch (ArchiveReader.Refused e) {
            return failed(row, logName, lines, "the archive cannot be read: " + e.getMessage());
        } catch (Failed e) {
            return failed(row, logName, lines, e.getMessage());
        } catch (IOException | RuntimeException e) {
            String incident = UUID.randomUUID().toString();
            log.error("Menu import {} failed: unexpected error {}", item.itemId(), incident, e);
            return failed(row, logName, lines, "unexpected error (incident " + incident + ")");
        } finally {
            try {
                WorkArea.deleteTree(directory);
            } catch (IOException e) {
                log.warn("The work directory {} of menu import {} was not removed", directory, item.itemId(), e);
            }
        }
    }

    private static JobHandler.Step stepAside(String why) {
        return JobHandler.Step.again(why + " while the import ran; it was rolled back, nothing was written. "
                + "It runs again once the maintenance modes are OFF.");
    }

    private JobHandler.Step failed(MenuExportStore.Row row, String logName, List<String> lines, String reason) {
        line(lines, "Import failed, nothing was written: " + reason);
        try {
            finish(row, logName, lines);
        } catch (ApiException e) {
            if (e.status() == 498) {
                return stepAside("Load mode (data_update_stop) was switched ON (" + e.result() + ")");
            }
            throw e;
        }
        return JobHandler.Step.end(MenuExportRun.COMPLETED_ERROR, reason);
    }

    private void finish(MenuExportStore.Row row, String logName, List<String> lines) {
        byte[] logBytes = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
        gate.run(Refusal.MENU_IMPORT, () -> store.finish(row.executionNo(), row.fileName(), row.fileId(), logName,
                files.store(new ByteArrayInputStream(logBytes))));
    }

    /** The archive's key from the passphrase, checked; null when the passwords are not to be imported. */
    private KymSecrets keys(MenuExportStore.Row row, Path directory, MenuImports.Checked checked, List<String> lines)
            throws IOException {
        if (!checked.secrets()) {
            line(lines, "The archive holds no passwords (exported without a passphrase): the passwords records "
                    + "already have are kept.");
            return null;
        }
        if (row.passphrase() == null) {
            line(lines, "No passphrase was given: the archive's passwords are not imported, the passwords records "
                    + "already have are kept.");
            return null;
        }
        JsonNode description = json.readTree(directory.resolve("SECRETS").toFile());
        String passphrase = new String(secrets.open(Base64.getDecoder().decode(row.passphrase())),
                StandardCharsets.UTF_8);
        int iterations = description.path("iterations").asInt(0);
        if (!KymSecrets.KDF.equals(description.path("kdf").asString(null))
                || !KymSecrets.CIPHER.equals(description.path("cipher").asString(null))
                || iterations < KymSecrets.MIN_ITERATIONS || iterations > KymSecrets.MAX_ITERATIONS) {
            throw new Failed("SECRETS names a key derivation or cipher this server does not use");
        }
        KymSecrets keys;
        try {
            keys = KymSecrets.derived(passphrase, Base64.getDecoder().decode(description.path("salt").asString("")),
                    iterations);
            keys.decrypt(description.path("check").asString(""), KymSecrets.CHECK);
        } catch (KymSecrets.WrongKey | IllegalArgumentException e) {
            throw new Failed("the passphrase is wrong (it does not open the archive's passwords)");
        }
        line(lines, "The passphrase opens the archive's passwords: they are imported.");
        return keys;
    }

    /** The chosen menus, each after the chosen menus its references name (references resolve by value). */
    private List<String> order(String org, String ws, List<String> chosen) {
        Set<String> ordered = new LinkedHashSet<>();
        Set<String> visiting = new HashSet<>();
        for (String menu : chosen) {
            visit(org, ws, menu, Set.copyOf(chosen), visiting, ordered);
        }
        return new ArrayList<>(ordered);
    }

    private void visit(String org, String ws, String menu, Set<String> chosen, Set<String> visiting,
                       Set<String> ordered) {
        if (ordered.contains(menu) || !visiting.add(menu)) {
            return;
        }
        MenuDefinition definition = catalog.find(org, ws, menu)
                .orElseThrow(() -> new Failed("the menu " + menu + " does not exist in this workspace"));
        for (Column column : definition.columns()) {
            if (column.type() == ColumnType.REFERENCE && column.reference() != null) {
                String target = column.reference().substring(0, column.reference().indexOf('.'));
                if (chosen.contains(target)) {
                    visit(org, ws, target, chosen, visiting, ordered);
                }
            }
        }
        ordered.add(menu);
    }

    /** One menu's records, read one at a time from its JSON; its log line. */
    private String menu(MenuExportStore.Row row, String user, String menu, Path directory, KymSecrets keys,
                        ItemProgress progress) {
        String org = row.organizationId();
        String ws = row.workspaceId();
        MenuDefinition definition = catalog.get(org, ws, menu);
        List<String> passwords = definition.columns().stream().filter(c -> c.type() == ColumnType.PASSWORD)
                .map(Column::restName).toList();
        int dropped = 0;
        if ("1".equals(row.mode())) {
            // Records not in the archive go first, so that theirs never clash with the archive's unique values.
            Set<String> kept = new HashSet<>();
            each(menu, directory, record -> kept.add(menus.importedId(org, ws, menu, uuid(menu, record))));
            dropped = menus.dropRecordsExcept(org, ws, menu, kept);
        }
        long[] counts = new long[2];
        long[] lastCheck = {System.nanoTime()};
        each(menu, directory, record -> {
            // A PATCH that sets data_update_stop (even to "0") waits for this transaction's lock on its row: any
            // change under way makes the import give way, so that no change waits for it.
            if (System.nanoTime() - lastCheck[0] >= CHECK_EVERY_NANOS) {
                lastCheck[0] = System.nanoTime();
                if (switches.underWay()) {
                    throw new StepAside("A maintenance mode change was under way");
                }
            }
            if (counts[0] % PAGE == 0) {
                if (gate.current().backyardExecuteStop()) {
                    throw new StepAside("Stop server side jobs (backyard_execute_stop) was switched ON");
                }
                if (!progress.stillHeld()) {
                    throw new Failed("this node no longer holds the import");
                }
            }
            counts[1] += record(row, user, menu, record, passwords, directory, keys);
            counts[0]++;
        });
        return LOG_TIME.format(Instant.now()) + " " + menu + ": " + counts[0] + " records, " + counts[1] + " files"
                + ("1".equals(row.mode()) ? ", " + dropped + " records not in the archive removed" : "")
                + (passwords.isEmpty() ? "" : keys == null ? "; passwords kept as the records had them"
                : "; passwords imported");
    }

    private int record(MenuExportStore.Row row, String user, String menu, JsonNode record, List<String> passwords,
                       Path directory, KymSecrets keys) {
        JsonNode given = record.path("parameter");
        String uuid = uuid(menu, record);
        ObjectNode parameter = (ObjectNode) given.deepCopy();
        for (String column : passwords) {
            JsonNode sealed = parameter.get(column);
            if (keys == null || sealed == null) {
                parameter.remove(column);
            } else if (!sealed.isNull()) {
                try {
                    parameter.put(column, keys.decrypt(sealed.asString(""), KymSecrets.place(menu, uuid, column)));
                } catch (KymSecrets.WrongKey e) {
                    throw new Failed(menu + ", record " + uuid + ", " + column
                            + ": the password does not open with the passphrase (altered or moved)");
                }
            }
        }
        ObjectNode file = json.createObjectNode();
        int count = 0;
        for (Map.Entry<String, JsonNode> path : record.path("file_path").properties()) {
            String entry = path.getValue().asString("");
            if (!entry.equals("files/" + menu + "/" + uuid + "/" + path.getKey()) || !Files.isRegularFile(
                    directory.resolve(entry))) {
                throw new Failed(menu + ", record " + uuid + ", " + path.getKey() + ": the file " + entry
                        + " is not in the archive");
            }
            try {
                file.put(path.getKey(), Base64.getEncoder().encodeToString(Files.readAllBytes(directory.resolve(entry))));
            } catch (IOException e) {
                throw new Failed(menu + ", record " + uuid + ": the file " + entry + " cannot be read");
            }
            count++;
        }
        MenuService.Imported written = menus.importRecord(row.organizationId(), row.workspaceId(), menu, uuid,
                parameter, file, user);
        if (!written.reasons().isEmpty()) {
            throw new Failed(menu + ", record " + uuid + ": " + String.join("; ", written.reasons()));
        }
        return count;
    }

    private static String uuid(String menu, JsonNode record) {
        JsonNode given = record.path("parameter");
        String uuid = given.path("uuid").asString("");
        if (!given.isObject() || uuid.isEmpty() || uuid.length() > 36 || !ArchiveReader.safe(uuid)) {
            throw new Failed(menu + ": a record without a valid uuid");
        }
        return uuid;
    }

    /** Each record of a menu's JSON array, read one at a time, with a checkpoint of the gate before each. */
    private void each(String menu, Path directory, Consumer<JsonNode> action) {
        // The reader must not take the next record for trailing input.
        ObjectReader reader = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        try (JsonParser parser = json.createParser(directory.resolve(menu).toFile())) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new Failed(menu + ": the records are not a JSON array");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode record = reader.readValue(parser);
                gate.checkpoint();
                action.accept(record);
            }
        } catch (JacksonException e) {
            throw new Failed(menu + ": the records are not valid JSON");
        }
    }

    private static void line(List<String> lines, String text) {
        lines.add(LOG_TIME.format(Instant.now()) + " " + text);
    }
}
