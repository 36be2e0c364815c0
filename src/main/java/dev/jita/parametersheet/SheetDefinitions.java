package dev.jita.parametersheet;

import dev.jita.core.ApiException;
import dev.jita.core.JsonBody;
import dev.jita.maintenance.MaintenanceGate;
import dev.jita.maintenance.Refusal;
import dev.jita.menu.MenuCatalog;
import dev.jita.menu.MenuDefinition;
import dev.jita.menu.MenuService;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code create/define/}: the masters a definition chooses from, one definition as Exastro's screen reads it, and
 * {@code execute/}, which keeps a definition in its normal form and registers its ita-by-menu-create item, in one
 * transaction through the maintenance gate (498-00004 in load mode).
 */
@Service
public class SheetDefinitions {

    /** Definitions of hundreds of items stay far below this. */
    static final int MAX_BYTES = 1024 * 1024;

    private final SheetStore store;
    private final DefinitionMasters masters;
    private final MenuCatalog catalog;
    private final ObjectProvider<MenuService> menus;
    private final MaintenanceGate gate;
    private final JsonBody body;
    private final ObjectMapper json;

    SheetDefinitions(SheetStore store, DefinitionMasters masters, MenuCatalog catalog, ObjectProvider<MenuService> menus,
                     MaintenanceGate gate, JsonBody body, ObjectMapper json) {
        this.store = store;
        this.masters = masters;
        this.catalog = catalog;
        this.menus = menus;
        this.gate = gate;
        this.body = body;
        this.json = json;
    }

    public Map<String, Object> masters(String organizationId, String workspaceId, boolean japanese) {
        return masters.answer(organizationId, workspaceId, japanese);
    }

    /** The definitions the menus of these made sheets are made of (normal form), by REST name; others are absent. */
    public Map<String, JsonNode> made(String organizationId, String workspaceId, List<String> menuNameRests) {
        Map<String, JsonNode> made = new LinkedHashMap<>();
        if (!menuNameRests.isEmpty()) {
            store.created(organizationId, workspaceId, menuNameRests)
                    .forEach(sheet -> made.put(sheet.menuNameRest(), json.readTree(sheet.definition())));
        }
        return made;
    }

    /** The masters and {@code menu_info}: the definition last asked for, in the shape execute/ takes back. */
    public Map<String, Object> one(String organizationId, String workspaceId, String menuNameRest, boolean japanese) {
        SheetStore.Sheet sheet = store.find(organizationId, workspaceId, menuNameRest)
                .orElseThrow(() -> ApiException.notFound("sheet.not_found", menuNameRest));
        Map<String, Object> data = masters(organizationId, workspaceId, japanese);
        data.put("menu_info", DefinitionView.of(sheet, masters.pulldownSources(organizationId, workspaceId),
                masters.sheetItems(organizationId, workspaceId), japanese, json));
        return data;
    }

    /**
     * pulldown/initial/: the values a pulldown source offers now, by record uuid; empty for a column that is no
     * source of this workspace (as Exastro answers).
     */
    Map<String, String> pulldownInitial(String organizationId, String workspaceId, String menu, String column) {
        Map<String, String> values = new LinkedHashMap<>();
        if (source(organizationId, workspaceId, menu, column).isPresent()
                && catalog.find(organizationId, workspaceId, menu).isPresent()) {
            menus.getObject().records(organizationId, workspaceId, menu, false).stream()
                    .filter(record -> !record.discarded() && record.parameter().get(column) != null)
                    .forEach(record -> values.put(record.id(), String.valueOf(record.parameter().get(column))));
        }
        return values;
    }

    /** reference/item/: the columns a pulldown of that source may show beside its value; empty for no source. */
    List<Map<String, String>> referenceItems(String organizationId, String workspaceId, String menu, String column,
                                              boolean japanese) {
        return source(organizationId, workspaceId, menu, column).map(source -> source.referable().stream()
                .map(r -> Map.of("reference_id", r.restName(), "column_name", japanese ? r.nameJa() : r.nameEn(),
                        "column_name_rest", r.restName())).toList()).orElse(List.of());
    }

    private Optional<DefinitionMasters.PulldownSource> source(String organizationId, String workspaceId, String menu,
                                                              String column) {
        return masters.pulldownSources(organizationId, workspaceId).stream()
                .filter(s -> s.menu().equals(menu) && s.column().equals(column)).findFirst();
    }

    /** execute/: the menu_name_rest and history_id of the registered request. */
    public Map<String, String> execute(String organizationId, String workspaceId, String user, String raw) {
        return gate.write(Refusal.PARAMETER_SHEET, () -> {
            JsonNode request = body.object(raw, MAX_BYTES);
            String type = DefinitionReader.type(request);
            DefinitionReader.precheck(request);
            String id = DefinitionReader.menuCreateId(request);
            if (!DefinitionReader.CREATE_NEW.equals(type) && !request.has("column")) {
                throw ApiException.badBody("sheet.body_key", "column");
            }
            if (id == null && !DefinitionReader.CREATE_NEW.equals(type)) {
                throw new ApiException("499-00703", "sheet.invalid_key", "menu_create_id");
            }
            SheetStore.Sheet existing = id == null ? null : store.lockById(organizationId, workspaceId, id)
                    .orElseThrow(() -> new ApiException("499-00703", "sheet.invalid_key", "menu_create_id"));
            if (existing != null) {
                unchangeable(type, DefinitionReader.menu(request), existing);
            }
            List<SheetStore.Sheet> sheets = store.all(organizationId, workspaceId);
            DefinitionReader.Context context = new DefinitionReader.Context(type, existing,
                    existing == null ? null : MenuService.STAMP.format(existing.lastUpdate()),
                    takenMenuNames(sheets, existing), takenNames(sheets, existing),
                    masters.pulldownSources(organizationId, workspaceId), masters.sheetItems(organizationId, workspaceId),
                    (menu, column) -> pulldownValues(organizationId, workspaceId, menu, column));
            ObjectNode normal = DefinitionReader.read(request, context);
            String menuCreateId = normal.path("menu").path("menu_create_id").asString();
            String rest = normal.path("menu").path("menu_name_rest").asString();
            String historyId;
            try {
                historyId = store.register(organizationId, workspaceId, user, createType(type), menuCreateId, rest,
                        normal);
            } catch (DuplicateKeyException raced) {
                Map<String, List<String>> reasons = Map.of("menu.menu_name_rest",
                        List.of("a menu named \"" + rest + "\" already exists"));
                throw new ApiException("499-00701", "sheet.invalid", json.writeValueAsString(reasons))
                        .withData(Map.of("errors", reasons));
            }
            Map<String, String> answer = new LinkedHashMap<>();
            answer.put("menu_name_rest", rest);
            answer.put("history_id", historyId);
            return answer;
        });
    }

    /**
     * What a new sheet's definition is read against in this workspace now. Pulldown default values are not checked
     * against the source's records: an import makes the sheets before it writes any record.
     */
    DefinitionReader.Context newSheetContext(String organizationId, String workspaceId) {
        List<SheetStore.Sheet> sheets = store.all(organizationId, workspaceId);
        return new DefinitionReader.Context(DefinitionReader.CREATE_NEW, null, null, takenMenuNames(sheets, null),
                takenNames(sheets, null), masters.pulldownSources(organizationId, workspaceId),
                masters.sheetItems(organizationId, workspaceId), (menu, column) -> Optional.empty());
    }

    private static int createType(String type) {
        return switch (type) {
            case DefinitionReader.INITIALIZE -> SheetStore.INITIALIZE;
            case DefinitionReader.EDIT -> SheetStore.EDIT;
            default -> SheetStore.CREATE_NEW;
        };
    }

    /**
     * What a request naming an existing sheet may not change (499-00704): its REST name ever; its sheet type, bundle
     * and host group use under Initialize and Edit. Create New names an existing sheet only while its menus are not
     * made (499-00710).
     */
    private static void unchangeable(String type, JsonNode menu, SheetStore.Sheet existing) {
        if (DefinitionReader.CREATE_NEW.equals(type) && existing.created()) {
            throw new ApiException("499-00710", "sheet.already_created");
        }
        if (!existing.menuNameRest().equals(menu.path("menu_name_rest").asString(null))) {
            throw new ApiException("499-00704", "sheet.unchangeable", "menu_name_rest");
        }
        if (DefinitionReader.CREATE_NEW.equals(type)) {
            return;
        }
        JsonNode before = existing.definition().path("menu");
        String sheetType = menu.hasNonNull("sheet_type")
                ? SheetType.of(menu.get("sheet_type").asString()).map(SheetType::id).orElse(null) : null;
        if (sheetType != null && !sheetType.equals(before.path("sheet_type").asString())) {
            throw new ApiException("499-00704", "sheet.unchangeable", "sheet_type");
        }
        String vertical = Objects.requireNonNullElse(DefinitionReader.flagValue(menu.get("vertical")), "0");
        if (!vertical.equals(before.path("vertical").asString("0"))) {
            throw new ApiException("499-00704", "sheet.unchangeable", "vertical");
        }
        String hostgroup = Objects.requireNonNullElse(DefinitionReader.flagValue(menu.get("hostgroup")), "0");
        if (!hostgroup.equals(before.path("hostgroup").asString("0"))) {
            throw new ApiException("499-00704", "sheet.unchangeable", "hostgroup");
        }
    }

    /** Every fixed menu (of any driver), and the menus the other sheets have or will have. */
    private Set<String> takenMenuNames(List<SheetStore.Sheet> sheets, SheetStore.Sheet own) {
        Set<String> taken = catalog.all().stream().map(MenuDefinition::restName).collect(Collectors.toCollection(HashSet::new));
        for (SheetStore.Sheet sheet : sheets) {
            if (own != null && sheet.menuCreateId().equals(own.menuCreateId())) {
                continue;
            }
            taken.add(sheet.menuNameRest());
            if (!SheetType.DATA.id().equals(sheet.definition().path("menu").path("sheet_type").asString())) {
                taken.add(sheet.menuNameRest() + "_subst");
                taken.add(sheet.menuNameRest() + "_ref");
            }
        }
        return taken;
    }

    private Set<String> takenNames(List<SheetStore.Sheet> sheets, SheetStore.Sheet own) {
        Set<String> taken = new HashSet<>();
        catalog.all().forEach(menu -> {
            taken.add(menu.nameEn());
            taken.add(menu.nameJa());
        });
        for (SheetStore.Sheet sheet : sheets) {
            if (own == null || !sheet.menuCreateId().equals(own.menuCreateId())) {
                taken.add(sheet.definition().path("menu").path("menu_name").asString());
            }
        }
        return taken;
    }

    /** The values of a pulldown source's active records, where jita can read its menu now. */
    private Optional<Set<String>> pulldownValues(String organizationId, String workspaceId, String menu, String column) {
        if (catalog.find(organizationId, workspaceId, menu).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(menus.getObject().records(organizationId, workspaceId, menu, false).stream()
                .filter(record -> !record.discarded()).map(record -> record.parameter().get(column))
                .filter(Objects::nonNull).map(String::valueOf).collect(Collectors.toSet()));
    }
}
