package dev.jita.menu;

import dev.jita.core.ApiException;
import dev.jita.core.Messages;
import dev.jita.core.Times;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The menu engine, the same for every menu: validates records against their menu's columns, writes them in
 * one transaction through the maintenance gate (all or nothing), keeps unique keys, files and the journal,
 * and reads them back with references resolved and passwords hidden.
 */
@Service
public class MenuService {

    static final String UUID_KEY = "uuid";
    static final String DISCARD = "discard";
    static final String REMARKS = "remarks";
    static final String LAST_UPDATE = "last_update_date_time";
    static final String LAST_USER = "last_updated_user";
    private static final Set<String> READ_ONLY = Set.of(UUID_KEY, LAST_UPDATE, LAST_USER);
    private static final int REMARKS_LENGTH = 4000;
    /** last_update_date_time as the API shows it. */
    public static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("uuuu/MM/dd HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu/MM/dd")
            .withResolverStyle(ResolverStyle.STRICT);

    /** A record as the API shows it. */
    public record Record(String id, Map<String, Object> parameter, Map<String, String> file, boolean discarded) {
    }

    private final int maxBulkItems;
    private final MenuCatalog catalog;
    private final MenuStore store;
    private final SecretBox secrets;
    private final MaintenanceGate gate;
    private final ObjectMapper json;
    private final Map<String, MenuRecordSource> sources = new HashMap<>();
    private final Map<String, List<ComputedColumns>> computed = new HashMap<>();
    private final List<ComputedColumns> allComputed;
    private final Map<String, List<RecordCheck>> checks = new HashMap<>();

    MenuService(MenuCatalog catalog, MenuStore store, SecretBox secrets, MaintenanceGate gate, ObjectMapper json,
                List<MenuRecordSource> sources, List<ComputedColumns> computed, List<RecordCheck> checks,
                @Value("${jita.menu.max-bulk-items:10000}") int maxBulkItems) {
        this.maxBulkItems = maxBulkItems;
        this.catalog = catalog;
        this.store = store;
        this.secrets = secrets;
        this.gate = gate;
        this.json = json;
        for (MenuRecordSource source : sources) {
            MenuDefinition menu = catalog.get(source.menu());
            if (menu.userWritable()) {
                throw new IllegalStateException("Menu " + menu.restName() + " has a record source but is user-writable");
            }
            this.sources.put(source.menu(), source);
        }
        this.allComputed = List.copyOf(computed);
        for (ComputedColumns columns : computed) {
            for (String menu : columns.menus()) {
                this.computed.computeIfAbsent(catalog.get(menu).restName(), m -> new ArrayList<>()).add(columns);
            }
        }
        for (RecordCheck check : checks) {
            this.checks.computeIfAbsent(catalog.get(check.menu()).restName(), m -> new ArrayList<>()).add(check);
        }
    }

    // ---------------------------------------------------------------- reading

    /** Every record of a menu in a workspace, as the API shows it (files included when {@code withFiles}). */
    public List<Record> records(String organizationId, String workspaceId, String menuName, boolean withFiles) {
        return search(organizationId, workspaceId, menuName, null, 0, Integer.MAX_VALUE, withFiles);
    }

    /**
     * The records that meet Exastro's search {@code conditions} (see {@link MenuFilter}; null for all), from
     * {@code offset}, at most {@code limit}, in the order they were registered. Files are read for these
     * records only, and only when {@code withFiles}.
     */
    public List<Record> search(String organizationId, String workspaceId, String menuName, JsonNode conditions,
                               int offset, int limit, boolean withFiles) {
        return search(organizationId, workspaceId, menuName, conditions, null, offset, limit, withFiles);
    }

    /** A sort by one column: its REST name (a common column too), and the direction. */
    public record Sort(String column, boolean descending) {
    }

    /**
     * As {@link #search(String, String, String, JsonNode, int, int, boolean)}, sorted by {@code sort} (null: in the
     * order of registration), which also breaks ties; 400 for a column that cannot be sorted.
     */
    public List<Record> search(String organizationId, String workspaceId, String menuName, JsonNode conditions,
                               Sort sort, int offset, int limit, boolean withFiles) {
        MenuDefinition menu = catalog.get(organizationId, workspaceId, menuName);
        List<MenuFilter.Condition> checked = MenuFilter.conditions(menu, conditions);
        if (asRead(menu, checked) || sort != null && sortsAsRead(menu, sort)) {
            List<Record> all = sources.containsKey(menuName) ? sources.get(menuName).records(organizationId, workspaceId)
                    : views(organizationId, workspaceId, menu, store.search(organizationId, workspaceId,
                    menu.recordsName(), MenuFilter.Sql.all(), 0, Integer.MAX_VALUE), false);
            java.util.stream.Stream<Record> found = all.stream().filter(MenuFilter.of(checked));
            if (sort != null) {
                found = found.sorted(MenuFilter.comparator(menu, sort));
            }
            List<Record> page = found.skip(offset).limit(limit).toList();
            if (!withFiles || sources.containsKey(menuName) || !hasFiles(menu)) {
                return page;
            }
            Map<String, Map<String, byte[]>> files = store.files(page.stream().map(Record::id).toList());
            return page.stream().map(record -> withFiles(menu, record, files.getOrDefault(record.id(), Map.of()))).toList();
        }
        MenuFilter.Order order = MenuFilter.order(organizationId, workspaceId, menu, sort);
        MenuFilter.Sql sql = MenuFilter.sql(organizationId, workspaceId, menu, checked, longTexts(organizationId, workspaceId));
        return views(organizationId, workspaceId, menu, store.search(organizationId, workspaceId, menu.recordsName(), sql,
                order, offset, limit), withFiles);
    }

    /** A sort by a column another module computes on read is one of the records as read. */
    private boolean sortsAsRead(MenuDefinition menu, Sort sort) {
        return asRead(menu, List.of(new MenuFilter.Condition(sort.column(), "NORMAL", null)));
    }

    /**
     * Every record that meets the {@code conditions}, as {@link #search} shows them, handed to {@code page} in pages of
     * at most {@code size} in the order of registration: a whole menu is read with no more than a page in memory.
     */
    public void eachPage(String organizationId, String workspaceId, String menuName, JsonNode conditions, int size,
                         boolean withFiles, Consumer<List<Record>> page) {
        MenuDefinition menu = catalog.get(organizationId, workspaceId, menuName);
        List<MenuFilter.Condition> checked = MenuFilter.conditions(menu, conditions);
        if (asRead(menu, checked)) {
            List<Record> all = search(organizationId, workspaceId, menuName, conditions, 0, Integer.MAX_VALUE, withFiles);
            for (int from = 0; from < all.size(); from += size) {
                page.accept(all.subList(from, Math.min(all.size(), from + size)));
            }
            return;
        }
        MenuFilter.Sql sql = MenuFilter.sql(organizationId, workspaceId, menu, checked, longTexts(organizationId, workspaceId));
        MenuStore.StoredRecord last = null;
        while (true) {
            List<MenuStore.StoredRecord> stored = store.searchAfter(organizationId, workspaceId, menu.recordsName(), sql,
                    last, size);
            if (stored.isEmpty()) {
                return;
            }
            page.accept(views(organizationId, workspaceId, menu, stored, withFiles));
            if (stored.size() < size) {
                return;
            }
            last = stored.get(stored.size() - 1);
        }
    }

    /** How many records meet the {@code conditions}, counted in the database where the menu's records are stored. */
    public long count(String organizationId, String workspaceId, String menuName, JsonNode conditions) {
        MenuDefinition menu = catalog.get(organizationId, workspaceId, menuName);
        List<MenuFilter.Condition> checked = MenuFilter.conditions(menu, conditions);
        if (asRead(menu, checked)) {
            return search(organizationId, workspaceId, menuName, conditions, 0, Integer.MAX_VALUE, false).size();
        }
        return store.count(organizationId, workspaceId, menu.recordsName(),
                MenuFilter.sql(organizationId, workspaceId, menu, checked, longTexts(organizationId, workspaceId)));
    }

    /**
     * Whether the records must be searched as read: those of a {@link MenuRecordSource}, and conditions on a column
     * another module computes on read (a read-only column that is neither an id nor the language).
     */
    private boolean asRead(MenuDefinition menu, List<MenuFilter.Condition> conditions) {
        if (sources.containsKey(menu.restName())) {
            return true;
        }
        boolean computes = computed.containsKey(menu.restName()) || allComputed.stream().anyMatch(c -> c.fills(menu));
        return computes && conditions.stream().anyMatch(condition -> menu.column(condition.column())
                .filter(c -> c.readOnly() && c.type() != ColumnType.ID && c.type() != ColumnType.LANGUAGE).isPresent());
    }

    private MenuFilter.LongTexts longTexts(String organizationId, String workspaceId) {
        return (menu, column) -> store.hasLongTexts(organizationId, workspaceId, menu, column);
    }

    /** The stored records as the API shows them: their references read in one query per referenced menu. */
    private List<Record> views(String organizationId, String workspaceId, MenuDefinition menu,
                               List<MenuStore.StoredRecord> stored, boolean withFiles) {
        References references = new References(organizationId, workspaceId);
        references.prefetch(menu, stored);
        Map<String, Map<String, byte[]>> files = withFiles && hasFiles(menu)
                ? store.files(stored.stream().map(MenuStore.StoredRecord::id).toList()) : Map.of();
        return withComputed(organizationId, workspaceId, menu, stored.stream()
                .map(record -> view(menu, record, references, files.getOrDefault(record.id(), Map.of()))).toList());
    }

    /** Whether a menu has a file column: only then are its records' files looked for. */
    private static boolean hasFiles(MenuDefinition menu) {
        return menu.columns().stream().anyMatch(column -> column.type() == ColumnType.FILE);
    }

    private static Record withFiles(MenuDefinition menu, Record record, Map<String, byte[]> files) {
        Map<String, String> file = new LinkedHashMap<>();
        for (Column column : menu.columns()) {
            if (column.type() == ColumnType.FILE && files.containsKey(column.restName())) {
                file.put(column.restName(), Base64.getEncoder().encodeToString(files.get(column.restName())));
            }
        }
        return new Record(record.id(), record.parameter(), file, record.discarded());
    }

    /** Of {@code ids}, those naming a record of the menu, each with whether it is discarded: one query per 500. */
    public Map<String, Boolean> discardedByIds(String organizationId, String workspaceId, String menuName,
                                               Collection<String> ids) {
        MenuDefinition menu = catalog.get(organizationId, workspaceId, menuName);
        return store.discardedByIds(organizationId, workspaceId, menu.recordsName(), List.copyOf(new LinkedHashSet<>(ids)));
    }

    public Optional<Record> record(String organizationId, String workspaceId, String menuName, String id) {
        MenuDefinition menu = catalog.get(organizationId, workspaceId, menuName);
        return store.find(organizationId, workspaceId, menu.recordsName(), id)
                .map(record -> view(menu, record, new References(organizationId, workspaceId), Map.of()))
                .map(record -> withComputed(organizationId, workspaceId, menu, List.of(record)).get(0));
    }

    /** Fills the read-only columns other modules compute (see {@link ComputedColumns}); the greatest value wins. */
    private List<Record> withComputed(String organizationId, String workspaceId, MenuDefinition menu,
                                      List<Record> records) {
        List<ComputedColumns> filling = new ArrayList<>(computed.getOrDefault(menu.restName(), List.of()));
        allComputed.stream().filter(c -> c.fills(menu) && !filling.contains(c)).forEach(filling::add);
        for (ComputedColumns columns : filling) {
            Map<String, Map<String, Object>> values = columns.values(menu.restName(), organizationId, workspaceId,
                    records);
            for (Record record : records) {
                values.getOrDefault(record.id(), Map.of()).forEach((name, value) -> {
                    if (value != null && menu.column(name).filter(Column::readOnly).isPresent()) {
                        record.parameter().merge(name, value,
                                (a, b) -> a.toString().compareTo(b.toString()) >= 0 ? a : b);
                    }
                });
            }
        }
        return records;
    }

    /** A password column's value in clear, for the drivers that must use it; never for an API answer. */
    public Optional<String> secret(String organizationId, String workspaceId, String menuName, String id, String column) {
        String stored = catalog.find(organizationId, workspaceId, menuName).map(MenuDefinition::recordsName)
                .orElse(menuName);
        return store.find(organizationId, workspaceId, stored, id)
                .map(record -> record.data().get(column)).map(value -> secrets.decrypt((String) value));
    }

    public Optional<byte[]> file(String organizationId, String workspaceId, String menuName, String id, String column) {
        MenuDefinition menu = catalog.get(organizationId, workspaceId, menuName);
        if (menu.column(column).filter(c -> c.type() == ColumnType.FILE).isEmpty()) {
            throw ApiException.notFound("menu.column_not_found", column);
        }
        return store.find(organizationId, workspaceId, menu.recordsName(), id).flatMap(record -> store.file(id, column));
    }

    /**
     * The journal of a record as {@code filter/journal/} answers it, oldest first: each entry's id, time, action and
     * the record as it was then (passwords null); 404 when the menu has no such record here.
     */
    public List<Map<String, Object>> journal(String organizationId, String workspaceId, String menuName, String id) {
        MenuDefinition menu = catalog.get(organizationId, workspaceId, menuName);
        MenuStore.StoredRecord current = store.find(organizationId, workspaceId, menu.recordsName(), id)
                .orElseThrow(() -> ApiException.notFound("menu.record_not_found", id));
        References references = new References(organizationId, workspaceId);
        List<Map<String, Object>> entries = new ArrayList<>();
        for (MenuStore.JournalEntry entry : store.journal(id)) {
            MenuStore.StoredRecord then = new MenuStore.StoredRecord(id, menuName, entry.discarded(), entry.data(),
                    current.createdBy(), current.createdAt(), entry.changedBy(), entry.changedAt());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("journal_id", String.valueOf(entry.id()));
            item.put("journal_datetime", STAMP.format(entry.changedAt()));
            item.put("journal_action", entry.action());
            item.put("parameter", view(menu, then, references, Map.of()).parameter());
            entries.add(item);
        }
        return entries;
    }

    /**
     * The journals of these records of a menu (e.g. a page of {@link #eachPage}), as {@code filter/journal/} shows
     * each, by record id; passwords are null as in every answer.
     */
    public Map<String, List<Map<String, Object>>> journals(String organizationId, String workspaceId, String menuName,
                                                           List<Record> records) {
        MenuDefinition menu = catalog.get(organizationId, workspaceId, menuName);
        References references = new References(organizationId, workspaceId);
        Map<String, List<Map<String, Object>>> journals = new LinkedHashMap<>();
        store.journals(records.stream().map(Record::id).toList()).forEach((id, entries) -> {
            List<Map<String, Object>> shown = new ArrayList<>();
            for (MenuStore.JournalEntry entry : entries) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("journal_id", String.valueOf(entry.id()));
                item.put("journal_datetime", STAMP.format(entry.changedAt()));
                item.put("journal_action", entry.action());
                item.put("parameter", journalView(menu, id, entry, references));
                shown.add(item);
            }
            journals.put(id, shown);
        });
        return journals;
    }

    /** An entry of a menu's journal: the record it is of, the record then, and the record before (null: none). */
    public record HistoryEntry(String recordId, String datetime, String action, String user,
                               Map<String, Object> parameter, Map<String, Object> before) {
    }

    /** A page of a menu's journal, newest first, and how many entries it has in all. */
    public record History(List<HistoryEntry> entries, long total) {
    }

    /** The latest changes of a menu's records in a workspace, from {@code offset}, at most {@code limit}. */
    public History history(String organizationId, String workspaceId, String menuName, int offset, int limit) {
        MenuDefinition menu = catalog.get(organizationId, workspaceId, menuName);
        List<MenuStore.MenuJournalEntry> page = store.recentJournal(organizationId, workspaceId, menu.recordsName(),
                offset, limit);
        Map<String, List<MenuStore.JournalEntry>> journals = store.journals(
                page.stream().map(MenuStore.MenuJournalEntry::recordId).distinct().toList());
        References references = new References(organizationId, workspaceId);
        List<HistoryEntry> entries = new ArrayList<>();
        for (MenuStore.MenuJournalEntry one : page) {
            MenuStore.JournalEntry before = null;
            for (MenuStore.JournalEntry earlier : journals.getOrDefault(one.recordId(), List.of())) {
                if (earlier.id() < one.entry().id()) {
                    before = earlier;
                }
            }
            entries.add(new HistoryEntry(one.recordId(), STAMP.format(one.entry().changedAt()), one.entry().action(),
                    one.entry().changedBy(), journalView(menu, one.recordId(), one.entry(), references),
                    before == null ? null : journalView(menu, one.recordId(), before, references)));
        }
        return new History(entries, store.journalCount(organizationId, workspaceId, menu.recordsName()));
    }

    private Map<String, Object> journalView(MenuDefinition menu, String id, MenuStore.JournalEntry entry,
                                            References references) {
        MenuStore.StoredRecord then = new MenuStore.StoredRecord(id, menu.recordsName(), entry.discarded(), entry.data(),
                null, null, entry.changedBy(), entry.changedAt());
        return view(menu, then, references, Map.of()).parameter();
    }

    /** Whether a menu's records have a journal: those stored here, not those a {@link MenuRecordSource} gives. */
    public boolean journaled(String menuName) {
        return !sources.containsKey(menuName);
    }

    /** The most values {@link #values} offers. */
    public static final int MOST_VALUES = 1000;

    /**
     * The values a column can be searched for by LIST: a choice's choices, else for a reference the referenced
     * column's values in the records not discarded (at most {@link #MOST_VALUES}); empty for other columns.
     */
    public List<String> values(String organizationId, String workspaceId, String menuName, String column) {
        MenuDefinition menu = catalog.get(organizationId, workspaceId, menuName);
        return menu.column(column).map(c -> switch (c.type()) {
            case CHOICE -> c.choices();
            case REFERENCE -> store.values(organizationId, workspaceId, c.referencedMenu(), c.referencedColumn(),
                    MOST_VALUES);
            default -> List.<String>of();
        }).orElse(List.of());
    }

    private Record view(MenuDefinition menu, MenuStore.StoredRecord record, References references,
                        Map<String, byte[]> files) {
        Map<String, Object> parameter = new LinkedHashMap<>();
        parameter.put(UUID_KEY, record.id());
        Map<String, String> file = new LinkedHashMap<>();
        for (Column column : menu.columns()) {
            Object stored = record.data().get(column.restName());
            Object shown = switch (column.type()) {
                case ID -> record.id();
                case PASSWORD -> null;
                case REFERENCE -> {
                    Object id = column.through() == null ? stored : record.data().get(column.through());
                    yield id == null ? null : references.name(column, (String) id);
                }
                case FLOAT -> stored instanceof Number number ? decimal(number) : stored;
                default -> stored;
            };
            parameter.put(column.restName(), shown);
            if (column.type() == ColumnType.FILE && files.containsKey(column.restName())) {
                file.put(column.restName(), Base64.getEncoder().encodeToString(files.get(column.restName())));
            }
        }
        parameter.put(REMARKS, record.data().get(REMARKS));
        parameter.put(DISCARD, record.discarded() ? "1" : "0");
        parameter.put(LAST_UPDATE, STAMP.format(record.lastUpdate()));
        parameter.put(LAST_USER, record.lastUpdateUser());
        return new Record(record.id(), parameter, file, record.discarded());
    }

    /** A stored decimal as the API shows it: plain digits, never an exponent. */
    private static BigDecimal decimal(Number number) {
        BigDecimal value = new BigDecimal(number.toString());
        return value.scale() < 0 ? value.setScale(0) : value;
    }

    /**
     * Removes every record of a menu in a workspace, with their unique values, files and journal, in the
     * caller's transaction (a parameter sheet created anew or initialized starts empty).
     */
    public void dropRecords(String organizationId, String workspaceId, String menuName) {
        store.deleteAll(organizationId, workspaceId, menuName);
    }

    /**
     * Reference columns are stored by the referenced record's uuid and shown by its current value. The referenced
     * records are read by id, those of a page in one query per referenced menu, and a value is turned into a
     * uuid through the referenced menu's value index.
     */
    private final class References {
        private final String organizationId;
        private final String workspaceId;
        private final Map<String, Map<String, Optional<MenuStore.StoredRecord>>> byMenu = new HashMap<>();
        private final Map<String, Optional<String>> activeByValue = new HashMap<>();

        References(String organizationId, String workspaceId) {
            this.organizationId = organizationId;
            this.workspaceId = workspaceId;
        }

        /** Reads the records that {@code records} of {@code menu} reference, one query per referenced menu. */
        void prefetch(MenuDefinition menu, List<MenuStore.StoredRecord> records) {
            Map<String, Set<String>> wanted = new HashMap<>();
            for (Column column : menu.columns()) {
                if (column.type() != ColumnType.REFERENCE) {
                    continue;
                }
                Map<String, Optional<MenuStore.StoredRecord>> known = byMenu.getOrDefault(column.referencedMenu(), Map.of());
                for (MenuStore.StoredRecord record : records) {
                    if (record.data().get(column.restName()) instanceof String id && !known.containsKey(id)) {
                        wanted.computeIfAbsent(column.referencedMenu(), m -> new HashSet<>()).add(id);
                    }
                }
            }
            wanted.forEach((name, ids) -> {
                Map<String, MenuStore.StoredRecord> found = store.byIds(organizationId, workspaceId, name, ids);
                Map<String, Optional<MenuStore.StoredRecord>> known = byMenu.computeIfAbsent(name, m -> new HashMap<>());
                ids.forEach(id -> known.put(id, Optional.ofNullable(found.get(id))));
            });
        }

        /** Resolves the values the operations give for reference columns, one query per column and 500 values. */
        void given(MenuDefinition menu, List<Operation> operations) {
            for (Column column : menu.columns()) {
                if (column.type() != ColumnType.REFERENCE) {
                    continue;
                }
                Set<String> values = new HashSet<>();
                for (Operation operation : operations) {
                    JsonNode value = operation.parameter() == null ? null : operation.parameter().get(column.restName());
                    if (value != null && value.isString() && MenuStore.isKey(value.stringValue())) {
                        values.add(value.stringValue());
                    }
                }
                values.removeIf(value -> activeByValue.containsKey(column.reference() + "\n" + value));
                Map<String, String> ids = store.activeWith(organizationId, workspaceId, column.referencedMenu(),
                        column.referencedColumn(), values);
                values.forEach(value -> activeByValue.put(column.reference() + "\n" + value,
                        Optional.ofNullable(ids.get(value))));
            }
        }

        String name(Column column, String id) {
            MenuStore.StoredRecord target = record(column, id);
            return target == null ? null : String.valueOf(target.data().get(column.referencedColumn()));
        }

        /** The referenced record, or null. */
        MenuStore.StoredRecord record(Column column, String id) {
            return byMenu.computeIfAbsent(column.referencedMenu(), m -> new HashMap<>())
                    .computeIfAbsent(id, key -> Optional.ofNullable(store.byIds(organizationId, workspaceId,
                            column.referencedMenu(), List.of(id)).get(id)))
                    .orElse(null);
        }

        /** As {@link #id(Column, String)}, among the records whose {@code key} column holds {@code keyValue}. */
        Optional<String> id(Column column, String value, String key, Object keyValue) {
            if (keyValue == null) {
                return Optional.empty();
            }
            List<String> ids = store.allActiveWith(organizationId, workspaceId, column.referencedMenu(),
                    column.referencedColumn(), value);
            Map<String, MenuStore.StoredRecord> records = store.byIds(organizationId, workspaceId,
                    column.referencedMenu(), ids);
            return ids.stream().filter(id -> records.containsKey(id) && keyValue.equals(records.get(id).data().get(key)))
                    .findFirst();
        }

        /** The uuid of the active record whose referenced column has this value (the oldest, if several). */
        Optional<String> id(Column column, String value) {
            return activeByValue.computeIfAbsent(column.reference() + "\n" + value, key -> store.activeWith(
                    organizationId, workspaceId, column.referencedMenu(), column.referencedColumn(), value));
        }

        /**
         * A record written by this request, for a later item that references its own menu (none does today): the
         * index is written in the same transaction, so only what was remembered of that menu is forgotten.
         */
        void written(MenuStore.StoredRecord record) {
            Map<String, Optional<MenuStore.StoredRecord>> records = byMenu.get(record.menu());
            if (records != null) {
                records.put(record.id(), Optional.of(record));
            }
            activeByValue.keySet().removeIf(reference -> reference.startsWith(record.menu() + "."));
        }
    }

    // ---------------------------------------------------------------- writing

    /**
     * Fits the records of a menu to a new definition of it (a parameter sheet's Edit), in the caller's
     * transaction: values of columns {@code after} no longer has are dropped; a value of a column whose definition
     * changed is read again by the new column's rules, as if written anew (a reference by its shown value); the
     * unique keys are made again. Records keep their last update and journal: their shape changed, not their
     * values. Returns the reasons why it cannot ("&lt;uuid&gt; &lt;column&gt;: reason"); the caller must then roll
     * its transaction back. A new required column is not asked of existing records: it applies at their next write.
     */
    public List<String> reshape(String organizationId, String workspaceId, MenuDefinition before, MenuDefinition after) {
        List<MenuStore.StoredRecord> records = store.search(organizationId, workspaceId, after.recordsName(),
                MenuFilter.Sql.all(), 0, Integer.MAX_VALUE);
        References references = new References(organizationId, workspaceId);
        MenuInvalid invalid = new MenuInvalid();
        List<MenuStore.StoredRecord> reshaped = new ArrayList<>();
        Map<String, String> holders = new HashMap<>();
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            MenuStore.StoredRecord record = records.get(i);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put(REMARKS, record.data().get(REMARKS));
            for (Column column : after.columns()) {
                Object stored = record.data().get(column.restName());
                Optional<Column> old = before.column(column.restName());
                if (stored == null || column.readOnly() || old.isEmpty()) {
                    continue;
                }
                boolean samePassword = column.type() == ColumnType.PASSWORD && old.get().type() == column.type();
                if (old.get().takesSameValues(column) || samePassword || column.type() == ColumnType.FILE) {
                    data.put(column.restName(), stored);
                    continue;
                }
                Object shown = old.get().type() == ColumnType.REFERENCE ? references.name(old.get(), (String) stored)
                        : old.get().type() == ColumnType.PASSWORD ? secrets.decrypt((String) stored) : stored;
                readValue(column, json.valueToTree(shown), null, data, new HashMap<>(), references, i, invalid);
            }
            if (!record.discarded()) {
                uniqueKeys(after, data).forEach((key, values) -> {
                    String holder = holders.putIfAbsent(key + "=" + MenuStore.hash(values), record.id());
                    if (holder != null) {
                        reasons.add(record.id() + " " + key + ": the same values as record " + holder);
                    }
                });
            }
            reshaped.add(new MenuStore.StoredRecord(record.id(), record.menu(), record.discarded(), data,
                    record.createdBy(), record.createdAt(), record.lastUpdateUser(), record.lastUpdate()));
        }
        invalid.reasons().forEach((index, columns) -> columns.forEach((column, why) ->
                reasons.add(records.get(Integer.parseInt(index)).id() + " " + column + ": " + String.join(", ", why))));
        if (!reasons.isEmpty()) {
            return reasons;
        }
        for (MenuStore.StoredRecord record : reshaped) {
            if (!store.update(organizationId, workspaceId, record, record.lastUpdate(), unindexed(after))) {
                return List.of(record.id() + ": the record was changed while its menu was being changed");
            }
            store.replaceUniqueValues(organizationId, workspaceId, record.menu(), record.id(),
                    record.discarded() ? Map.of() : uniqueKeys(after, record.data()), false);
        }
        return reasons;
    }

    /** One operation of a maintenance request. */
    /** At most this many operations in one {@code maintenance/all/} request or upload. */
    public int maxBulkItems() {
        return maxBulkItems;
    }

    /**
     * The operations of a {@code maintenance/all/} body in request order, each with its type, parameter and file as
     * sent: a non-empty list of at most {@link #maxBulkItems()} objects, else 400. {@link #apply} judges the rest.
     */
    public List<Operation> bulkOperations(JsonNode list) {
        if (list.size() > maxBulkItems) {
            throw ApiException.badBody("menu.bulk_too_large", maxBulkItems, list.size());
        }
        List<Operation> operations = new ArrayList<>();
        for (JsonNode item : list.values()) {
            if (!item.isObject()) {
                throw ApiException.badBody("menu.bad_bulk");
            }
            operations.add(new Operation(text(item.get("type")), item.get("parameter"), item.get("file")));
        }
        if (operations.isEmpty()) {
            throw ApiException.badBody("menu.bad_bulk");
        }
        return operations;
    }

    public record Operation(String type, JsonNode parameter, JsonNode file) {
        public static final String REGISTER = "Register";
        public static final String UPDATE = "Update";
        public static final String DISCARD = "Discard";
        public static final String RESTORE = "Restore";
        /** Every type, in the order Exastro counts them. */
        public static final List<String> TYPES = List.of(REGISTER, UPDATE, RESTORE, DISCARD);
    }

    /**
     * What a maintenance request wrote: the records as they are after it, in request order, and how many of
     * each type were applied (an Update that sets discard is counted as the Discard or Restore it became).
     */
    public record Applied(List<Record> records, Map<String, Integer> counts) {
    }

    /**
     * Applies the operations in one transaction (the request is read inside it, after the load-mode check): all
     * are written, or none (499 with the reasons of every bad one; 498 in load mode, or when load mode is being
     * switched ON while they are written).
     */
    public Applied apply(String organizationId, String workspaceId, String menuName,
                              Supplier<List<Operation>> request, String user) {
        MenuDefinition menu = catalog.get(organizationId, workspaceId, menuName);
        if (!menu.userWritable()) {
            throw new ApiException("403-00001", "menu.read_only", menuName);
        }
        return gate.write(Refusal.MENU_DATA, () -> {
            List<Operation> operations = request.get();
            MenuInvalid invalid = new MenuInvalid();
            References references = new References(organizationId, workspaceId);
            references.given(menu, operations);
            List<String> written = new ArrayList<>();
            Map<String, Integer> counts = new LinkedHashMap<>();
            Operation.TYPES.forEach(type -> counts.put(type, 0));
            Map<String, MenuStore.StoredRecord> latest = new HashMap<>();
            Instant now = Times.now();
            for (int i = 0; i < operations.size(); i++) {
                gate.checkpoint();
                Written one = applyOne(organizationId, workspaceId, menu, operations.get(i), i, user, now,
                        references, invalid);
                if (one != null) {
                    MenuStore.StoredRecord record = one.record();
                    counts.merge(one.type(), 1, Integer::sum);
                    written.add(record.id());
                    latest.put(record.id(), record);
                    references.written(record);
                }
            }
            if (!invalid.isEmpty()) {
                throw invalid.exception(json.writeValueAsString(invalid.reasons()));
            }
            References fresh = new References(organizationId, workspaceId);
            fresh.prefetch(menu, written.stream().map(latest::get).toList());
            return new Applied(withComputed(organizationId, workspaceId, menu,
                    written.stream().map(id -> view(menu, latest.get(id), fresh, Map.of())).toList()), counts);
        });
    }

    /**
     * An imported record written under its own uuid, in the caller's transaction (a menu import's write of the
     * gate): registered when the menu has no record with that uuid, else overwritten whatever its last update.
     * Values are read as a maintenance request's (references by value, passwords in clear and encrypted here, a
     * password key absent keeps the password the record has); the journal gets one Register or Update entry.
     * Record ids are unique across the database: when another workspace or menu holds the archive's uuid, the
     * record's uuid here is one derived from the workspace, menu and archive uuid (the same at every import, so a
     * later import updates it).
     */
    public Imported importRecord(String organizationId, String workspaceId, String menuName, String archiveId,
                                     JsonNode parameter, JsonNode file, String user) {
        MenuDefinition menu = catalog.get(organizationId, workspaceId, menuName);
        MenuInvalid invalid = new MenuInvalid();
        String recordId = importedId(organizationId, workspaceId, menu.restName(), archiveId);
        Optional<MenuStore.StoredRecord> existing = store.find(organizationId, workspaceId, menu.restName(), recordId);
        Map<String, Object> data = existing.map(r -> new LinkedHashMap<>(r.data())).orElseGet(LinkedHashMap::new);
        Map<String, byte[]> files = new HashMap<>();
        References references = new References(organizationId, workspaceId);
        Operation operation = new Operation(existing.isEmpty() ? Operation.REGISTER : Operation.UPDATE, parameter, file);
        boolean discarded = readValues(menu, operation, existing.isEmpty(), data, files, references, 0, invalid);
        if (!discarded && invalid.isEmpty()) {
            Map<String, Object> values = Collections.unmodifiableMap(data);
            for (RecordCheck check : checks.getOrDefault(menu.restName(), List.of())) {
                check.reasons(organizationId, workspaceId, values).forEach((column, reason) ->
                        invalid.add(0, column, reason));
            }
        }
        Map<String, List<Object>> keys = discarded ? Map.of() : uniqueKeys(menu, data);
        for (Map.Entry<String, List<Object>> key : keys.entrySet()) {
            Optional<String> holder = store.holderOf(organizationId, workspaceId, menu.restName(), key.getKey(), key.getValue());
            if (holder.isPresent() && !holder.get().equals(recordId)) {
                invalid.add(0, key.getKey(), "a record with the same " + key.getKey().replace("+", ", ") + " already exists");
            }
        }
        if (!invalid.isEmpty()) {
            List<String> reasons = new ArrayList<>();
            invalid.reasons().values().forEach(columns -> columns.forEach((column, why) ->
                    why.forEach(reason -> reasons.add(column + ": " + reason))));
            return new Imported(recordId, reasons);
        }
        Instant now = Times.now();
        MenuStore.StoredRecord record = new MenuStore.StoredRecord(recordId, menu.restName(), discarded, data,
                existing.map(MenuStore.StoredRecord::createdBy).orElse(user),
                existing.map(MenuStore.StoredRecord::createdAt).orElse(now), user, now);
        if (existing.isEmpty()) {
            store.insert(organizationId, workspaceId, record, unindexed(menu));
        } else {
            store.update(organizationId, workspaceId, record, existing.get().lastUpdate(), unindexed(menu));
        }
        store.replaceUniqueValues(organizationId, workspaceId, menu.restName(), recordId, keys, existing.isEmpty());
        files.forEach((column, content) -> store.putFile(recordId, column, (String) data.get(column), content));
        store.journal(organizationId, workspaceId, record, operation.type());
        return new Imported(recordId, List.of());
    }

    /** The uuid a record of an archive has, or will have, when imported into this workspace's menu. */
    public String importedId(String organizationId, String workspaceId, String menuName, String archiveId) {
        if (store.find(organizationId, workspaceId, menuName, archiveId).isPresent()) {
            return archiveId;
        }
        String derived = UUID.nameUUIDFromBytes((organizationId + "/" + workspaceId + "/" + menuName + "/"
                + archiveId).getBytes(StandardCharsets.UTF_8)).toString();
        return store.find(organizationId, workspaceId, menuName, derived).isPresent() || store.idTaken(archiveId)
                ? derived : archiveId;
    }

    /** An imported record's uuid here, and the reasons it was refused (column: reason), empty when written. */
    public record Imported(String id, List<String> reasons) {
    }

    /**
     * Removes, in the caller's transaction, every record of the menu whose uuid is not in {@code keep}, with its
     * unique values, files and journal (an environment-migration import replaces a menu's records).
     */
    public int dropRecordsExcept(String organizationId, String workspaceId, String menuName, Set<String> keep) {
        int dropped = 0;
        for (String id : store.ids(organizationId, workspaceId, menuName)) {
            if (!keep.contains(id)) {
                gate.checkpoint();
                store.delete(id);
                dropped++;
            }
        }
        return dropped;
    }

    /** A record as one operation wrote it, and the type that operation turned out to be. */
    private record Written(MenuStore.StoredRecord record, String type) {
    }

    /**
     * Writes one operation and returns the record as written, or adds its reasons to {@code invalid} and returns
     * null. As in Exastro, an Update that carries {@code discard} is a Discard ("1") or, of a discarded record,
     * a Restore ("0"); the record's other values are then left as they are.
     */
    private Written applyOne(String organizationId, String workspaceId, MenuDefinition menu, Operation operation,
                            int index, String user, Instant now, References references, MenuInvalid invalid) {
        if (operation.parameter() == null || !operation.parameter().isObject()) {
            invalid.add(index, "parameter", "parameter must be a JSON object");
            return null;
        }
        String type = operation.type();
        if (type == null) {
            invalid.add(index, "type", "type is required: one of " + String.join(", ", Operation.TYPES));
            return null;
        }
        if (!Operation.TYPES.contains(type)) {
            invalid.add(index, "type", "type \"" + type + "\" does not exist: use one of " + String.join(", ", Operation.TYPES)
                    + (type.equalsIgnoreCase("Delete") ? " (jita never deletes a record; Discard keeps its journal)" : ""));
            return null;
        }
        Optional<MenuStore.StoredRecord> existing = Optional.empty();
        if (!Operation.REGISTER.equals(type)) {
            existing = existingRecord(organizationId, workspaceId, menu, operation.parameter(), index, invalid);
            if (existing.isEmpty()) {
                return null;
            }
            type = typeByDiscardFlag(type, existing.get(), operation.parameter(), index, invalid);
            if (type == null) {
                return null;
            }
        }
        Map<String, Object> data = existing.map(r -> new LinkedHashMap<>(r.data())).orElseGet(LinkedHashMap::new);
        boolean discarded = existing.map(MenuStore.StoredRecord::discarded).orElse(false);
        Map<String, byte[]> files = new HashMap<>();
        switch (type) {
            case Operation.REGISTER, Operation.UPDATE -> {
                if (existing.isPresent() && existing.get().discarded()) {
                    invalid.add(index, DISCARD, "a discarded record cannot be updated; restore it first");
                    return null;
                }
                discarded = readValues(menu, operation, existing.isEmpty(), data, files, references, index, invalid);
            }
            case Operation.DISCARD -> discarded = true;
            default -> discarded = false;
        }
        if (!discarded && !invalid.reasons().containsKey(String.valueOf(index))) {
            Map<String, Object> values = Collections.unmodifiableMap(data);
            for (RecordCheck check : checks.getOrDefault(menu.restName(), List.of())) {
                check.reasons(organizationId, workspaceId, values).forEach((column, reason) ->
                        invalid.add(index, column, reason));
            }
        }
        if (invalid.reasons().containsKey(String.valueOf(index))) {
            return null;
        }
        String id = existing.map(MenuStore.StoredRecord::id).orElseGet(() -> UUID.randomUUID().toString());
        MenuStore.StoredRecord record = new MenuStore.StoredRecord(id, menu.restName(), discarded, data,
                existing.map(MenuStore.StoredRecord::createdBy).orElse(user),
                existing.map(MenuStore.StoredRecord::createdAt).orElse(now), user, now);
        Map<String, List<Object>> keys = discarded ? Map.of() : uniqueKeys(menu, data);
        for (Map.Entry<String, List<Object>> key : keys.entrySet()) {
            Optional<String> holder = store.holderOf(organizationId, workspaceId, menu.restName(), key.getKey(), key.getValue());
            if (holder.isPresent() && !holder.get().equals(id)) {
                invalid.add(index, key.getKey(), "a record with the same " + key.getKey().replace("+", ", ") + " already exists");
            }
        }
        if (invalid.reasons().containsKey(String.valueOf(index))) {
            return null;
        }
        if (existing.isEmpty()) {
            store.insert(organizationId, workspaceId, record, unindexed(menu));
        } else if (!store.update(organizationId, workspaceId, record, existing.get().lastUpdate(), unindexed(menu))) {
            invalid.add(index, LAST_UPDATE, "the record was changed by someone else since it was read");
            return null;
        }
        try {
            store.replaceUniqueValues(organizationId, workspaceId, menu.restName(), id, keys, existing.isEmpty());
        } catch (DuplicateKeyException raced) {
            invalid.add(index, keys.keySet().iterator().next(), "a record with the same values already exists");
            throw invalid.exception(json.writeValueAsString(invalid.reasons()));
        }
        files.forEach((column, content) -> store.putFile(id, column, (String) data.get(column), content));
        store.journal(organizationId, workspaceId, record, type);
        return new Written(record, type);
    }

    /** The columns kept out of the value index: passwords are never searched. */
    private static Set<String> unindexed(MenuDefinition menu) {
        return menu.columns().stream().filter(c -> c.type() == ColumnType.PASSWORD).map(Column::restName)
                .collect(Collectors.toSet());
    }

    /** The type an Update really is, by the discard flag it carries; null (with the reason) when it cannot be. */
    private static String typeByDiscardFlag(String type, MenuStore.StoredRecord existing, JsonNode parameter, int index,
                                            MenuInvalid invalid) {
        String flag = text(parameter.get(DISCARD));
        if (!Operation.UPDATE.equals(type) || flag == null) {
            return type;
        }
        if (flag.equals("1")) {
            if (existing.discarded()) {
                invalid.add(index, DISCARD, "the record is already discarded");
                return null;
            }
            return Operation.DISCARD;
        }
        if (flag.equals("0")) {
            return existing.discarded() ? Operation.RESTORE : type;
        }
        invalid.add(index, DISCARD, "discard must be \"0\" or \"1\"");
        return null;
    }

    /** The record an Update, Discard or Restore names, checked against its last_update_date_time. */
    private Optional<MenuStore.StoredRecord> existingRecord(String organizationId, String workspaceId, MenuDefinition menu,
                                                          JsonNode parameter, int index, MenuInvalid invalid) {
        String id = text(parameter.get(UUID_KEY));
        if (id == null) {
            id = menu.columns().stream().filter(c -> c.type() == ColumnType.ID)
                    .map(c -> text(parameter.get(c.restName()))).filter(v -> v != null).findFirst().orElse(null);
        }
        if (id == null) {
            invalid.add(index, UUID_KEY, "uuid is required");
            return Optional.empty();
        }
        Optional<MenuStore.StoredRecord> record = store.find(organizationId, workspaceId, menu.restName(), id);
        if (record.isEmpty()) {
            invalid.add(index, UUID_KEY, "no record " + id);
            return Optional.empty();
        }
        String lastUpdate = text(parameter.get(LAST_UPDATE));
        if (lastUpdate == null) {
            invalid.add(index, LAST_UPDATE, "last_update_date_time is required");
            return Optional.empty();
        }
        if (!lastUpdate.equals(STAMP.format(record.get().lastUpdate()))) {
            invalid.add(index, LAST_UPDATE, "the record was changed by someone else since it was read");
            return Optional.empty();
        }
        return record;
    }

    /** Reads the given values into {@code data}; returns the discard flag. */
    private boolean readValues(MenuDefinition menu, Operation operation, boolean registering, Map<String, Object> data,
                               Map<String, byte[]> files, References references, int index, MenuInvalid invalid) {
        JsonNode parameter = operation.parameter();
        JsonNode fileNode = operation.file() != null && operation.file().isObject() ? operation.file() : null;
        boolean discarded = false;
        Map<Column, JsonNode> keyed = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : parameter.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue();
            if (READ_ONLY.contains(key) || menu.column(key).filter(Column::readOnly).isPresent()) {
                continue;
            }
            if (key.equals(DISCARD)) {
                String flag = text(value);
                if (flag != null && !flag.equals("0") && !flag.equals("1")) {
                    invalid.add(index, DISCARD, "discard must be \"0\" or \"1\"");
                }
                discarded = "1".equals(flag);
                continue;
            }
            if (key.equals(REMARKS)) {
                String remarks = text(value);
                if (remarks != null && remarks.length() > REMARKS_LENGTH) {
                    invalid.add(index, REMARKS, "at most " + REMARKS_LENGTH + " characters");
                }
                data.put(REMARKS, remarks == null || remarks.isEmpty() ? null : remarks);
                continue;
            }
            Optional<Column> column = menu.column(key);
            if (column.isEmpty()) {
                invalid.add(index, key, "no such column in " + menu.restName());
                continue;
            }
            if (column.get().keyedBy() != null) {
                keyed.put(column.get(), value);
                continue;
            }
            readValue(column.get(), value, fileNode, data, files, references, index, invalid);
        }
        readKeyedReferences(menu, keyed, data, references, index, invalid);
        if (fileNode != null) {
            for (String key : fileNode.propertyNames()) {
                if (menu.column(key).filter(c -> c.type() == ColumnType.FILE).isEmpty()) {
                    invalid.add(index, key, "no such file column in " + menu.restName());
                } else if (!parameter.has(key)) {
                    invalid.add(index, key, "give the file name in parameter." + key);
                }
            }
        }
        for (Column column : menu.columns()) {
            if (column.type() == ColumnType.LANGUAGE) {
                data.put(column.restName(), requestLanguage());
            }
            boolean missing = data.get(column.restName()) == null;
            if (column.required() && missing && !column.readOnly()) {
                invalid.add(index, column.restName(), "required");
            }
            if (column.type() == ColumnType.FILE && !missing && registering && !files.containsKey(column.restName())) {
                invalid.add(index, column.restName(), "the file's content is required (file." + column.restName() + ")");
            }
        }
        return discarded;
    }

    /**
     * References that must name a record sharing a key column with this one (a parameter-sheet reference, keyed
     * by the operation): read once the record's other values are, and checked again when only the key changed.
     */
    private void readKeyedReferences(MenuDefinition menu, Map<Column, JsonNode> given, Map<String, Object> data,
                                     References references, int index, MenuInvalid invalid) {
        for (Column column : menu.columns()) {
            if (column.keyedBy() == null || column.readOnly()) {
                continue;
            }
            String name = column.restName();
            Object keyValue = data.get(column.keyedBy());
            String reason = "a value of " + column.referencedMenu() + "." + column.referencedColumn() + " in a record "
                    + "with the same " + column.keyedBy();
            if (given.containsKey(column)) {
                String text = text(given.get(column));
                if (text == null || text.isEmpty()) {
                    data.put(name, null);
                } else {
                    references.id(column, text, column.keyedBy(), keyValue).ifPresentOrElse(id -> data.put(name, id),
                            () -> invalid.add(index, name, reason + " (\"" + text + "\" is not)"));
                }
            } else if (data.get(name) != null) {
                MenuStore.StoredRecord target = references.record(column, (String) data.get(name));
                if (target != null && !Objects.equals(target.data().get(column.keyedBy()), keyValue)) {
                    invalid.add(index, name, reason);
                }
            }
        }
    }

    private void readValue(Column column, JsonNode value, JsonNode fileNode, Map<String, Object> data,
                           Map<String, byte[]> files, References references, int index, MenuInvalid invalid) {
        String name = column.restName();
        if (value == null || value.isNull() || (value.isString() && value.stringValue().isEmpty())) {
            if (column.type() != ColumnType.PASSWORD) {
                data.put(name, null);
            }
            return;
        }
        if (column.type() == ColumnType.INTEGER) {
            Long number = value.isIntegralNumber() ? Long.valueOf(value.longValue())
                    : value.isString() && value.stringValue().matches("-?\\d{1,18}") ? Long.valueOf(value.stringValue()) : null;
            if (number == null || number < column.minimum() || number > column.maxLength()) {
                invalid.add(index, name, "an integer from " + column.minimum() + " to " + column.maxLength());
            } else {
                data.put(name, number);
            }
            return;
        }
        if (column.type() == ColumnType.FLOAT) {
            readDecimal(column, value, data, index, invalid);
            return;
        }
        if (!value.isString()) {
            invalid.add(index, name, "must be a string");
            return;
        }
        String text = value.stringValue();
        if (column.lengthInBytes() && text.getBytes(StandardCharsets.UTF_8).length > column.maxLength()) {
            invalid.add(index, name, "at most " + column.maxLength() + " bytes (UTF-8)");
            return;
        }
        if (!column.lengthInBytes() && text.length() > column.maxLength()) {
            invalid.add(index, name, "at most " + column.maxLength() + " characters");
            return;
        }
        switch (column.type()) {
            case STRING, MULTILINE, LINK -> {
                if (column.pattern() != null && !column.pattern().matcher(text).matches()) {
                    invalid.add(index, name, "invalid format");
                } else {
                    data.put(name, text);
                }
            }
            case DATETIME -> {
                try {
                    data.put(name, DATETIME.format(LocalDateTime.parse(text.length() == 16 ? text + ":00" : text, DATETIME)));
                } catch (DateTimeParseException e) {
                    invalid.add(index, name, "a date and time as YYYY/MM/DD hh:mm:ss");
                }
            }
            case DATE -> {
                try {
                    data.put(name, DATE.format(LocalDate.parse(text, DATE)));
                } catch (DateTimeParseException e) {
                    invalid.add(index, name, "a date as YYYY/MM/DD");
                }
            }
            case CHOICE -> {
                if (!column.choices().contains(text)) {
                    invalid.add(index, name, "one of " + column.choices());
                } else {
                    data.put(name, text);
                }
            }
            case REFERENCE -> references.id(column, text).or(() -> alternateForm(column, text)
                            .flatMap(plain -> references.id(column, plain))).ifPresentOrElse(id -> data.put(name, id),
                    () -> invalid.add(index, name, "no " + column.referencedColumn() + " \"" + text + "\" in "
                            + column.referencedMenu()));
            case PASSWORD -> data.put(name, secrets.encrypt(text));
            case FILE -> {
                if (!text.matches("[^/\\\\\\x00]+") || text.equals(".") || text.equals("..")) {
                    invalid.add(index, name, "a file name without a directory");
                    return;
                }
                JsonNode content = fileNode == null ? null : fileNode.get(name);
                if (content != null && !content.isNull()) {
                    if (!content.isString()) {
                        invalid.add(index, name, "the file's content must be base64 text");
                        return;
                    }
                    try {
                        files.put(name, Base64.getDecoder().decode(content.asString()));
                    } catch (IllegalArgumentException e) {
                        invalid.add(index, name, "the file's content must be base64");
                        return;
                    }
                    if (column.uploadMaximumBytes() > 0 && files.get(name).length > column.uploadMaximumBytes()) {
                        invalid.add(index, name, "a file of at most " + column.uploadMaximumBytes() + " bytes");
                        return;
                    }
                } else if (!text.equals(data.get(name))) {
                    invalid.add(index, name, "a new file name needs the file's content (file." + name + ")");
                    return;
                }
                data.put(name, text);
            }
            default -> invalid.add(index, name, "cannot be set");
        }
    }

    /** The referenced value inside another form of it the column accepts (its pattern's group 1). */
    private static Optional<String> alternateForm(Column column, String text) {
        if (column.pattern() == null) {
            return Optional.empty();
        }
        Matcher matcher = column.pattern().matcher(text);
        return matcher.matches() ? Optional.ofNullable(matcher.group(1)) : Optional.empty();
    }

    /** A decimal: a JSON number or its text, within the column's bounds and number of digits. */
    private static void readDecimal(Column column, JsonNode value, Map<String, Object> data, int index,
                                    MenuInvalid invalid) {
        String name = column.restName();
        BigDecimal number = null;
        if (value.isNumber()) {
            number = value.decimalValue();
        } else if (value.isString() && value.stringValue().matches("-?\\d{1,40}(\\.\\d{1,40})?")) {
            number = new BigDecimal(value.stringValue());
        }
        if (number == null) {
            invalid.add(index, name, "a decimal number, e.g. 12.5");
            return;
        }
        BigDecimal plain = number.stripTrailingZeros();
        if (plain.scale() < 0) {
            plain = plain.setScale(0);
        }
        int digits = Math.max(plain.precision(), plain.scale());
        if (column.digits() > 0 && digits > column.digits()) {
            invalid.add(index, name, "at most " + column.digits() + " digits");
        } else if ((column.decimalMinimum() != null && plain.compareTo(column.decimalMinimum()) < 0)
                || (column.decimalMaximum() != null && plain.compareTo(column.decimalMaximum()) > 0)) {
            invalid.add(index, name, "a number from " + bound(column.decimalMinimum()) + " to "
                    + bound(column.decimalMaximum()));
        } else {
            data.put(name, plain);
        }
    }

    private static String bound(BigDecimal value) {
        return value == null ? "any" : value.toPlainString();
    }

    /** The API's language (Exastro's Language header), else the web page's. */
    private static String requestLanguage() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getRequest().getHeader(Messages.LANGUAGE_HEADER) != null) {
            return Messages.locale(attributes.getRequest()).getLanguage();
        }
        return LocaleContextHolder.getLocale().getLanguage().startsWith("ja") ? "ja" : "en";
    }

    private static Map<String, List<Object>> uniqueKeys(MenuDefinition menu, Map<String, Object> data) {
        Map<String, List<Object>> keys = new LinkedHashMap<>();
        for (List<String> key : menu.uniqueKeys()) {
            if (key.size() == 1 && menu.column(key.get(0)).map(c -> c.type() == ColumnType.ID).orElse(false)) {
                continue;
            }
            List<Object> values = key.stream().map(data::get).toList();
            if (values.stream().allMatch(v -> v != null)) {
                keys.put(String.join("+", key), values);
            }
        }
        return keys;
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return node.isString() ? node.stringValue() : node.toString();
    }
}
