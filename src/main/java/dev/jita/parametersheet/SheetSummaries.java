package dev.jita.parametersheet;

import dev.jita.backyard.Backyard;
import dev.jita.backyard.BackyardItems;
import dev.jita.backyard.StatusTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/** The workspace's sheets as the web page lists them. */
@Service
public class SheetSummaries {

    /** A sheet and how its last request went (the status in the page's language; the reason of a Completed(error)). */
    public record Summary(String name, String rest, String type, boolean created, String status, String reason) {
    }

    private final SheetStore store;
    private final BackyardItems items;

    SheetSummaries(SheetStore store, BackyardItems items) {
        this.store = store;
        this.items = items;
    }

    /** By REST name. */
    public List<Summary> all(String organizationId, String workspaceId, boolean japanese) {
        Map<String, BackyardItems.Item> byId = new HashMap<>();
        items.list(Backyard.MENU_CREATE, organizationId, workspaceId).forEach(i -> byId.put(i.itemId(), i));
        Map<String, BackyardItems.Item> last = new HashMap<>();
        for (SheetStore.History history : store.histories(organizationId, workspaceId)) {
            BackyardItems.Item item = byId.get(history.historyId());
            if (item != null) {
                last.put(history.menuCreateId(), item);
            }
        }
        return store.all(organizationId, workspaceId).stream().map(sheet -> {
            JsonNode menu = sheet.definition().path("menu");
            BackyardItems.Item item = last.get(sheet.menuCreateId());
            boolean failed = item != null && item.statusId() == StatusTable.MENU_CREATE.unexpectedError();
            return new Summary(menu.path("menu_name").asString(), sheet.menuNameRest(),
                    SheetType.of(menu.path("sheet_type").asString()).map(t -> t.displayName(japanese)).orElse(null),
                    sheet.created(), item == null ? null : StatusTable.MENU_CREATE.name(item.statusId(), japanese),
                    failed ? item.note() : null);
        }).toList();
    }
}
