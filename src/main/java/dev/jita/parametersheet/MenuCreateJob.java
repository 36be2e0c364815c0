package dev.jita.parametersheet;

import dev.jita.backyard.Backyard;
import dev.jita.backyard.ClaimedItem;
import dev.jita.backyard.ItemProgress;
import dev.jita.backyard.JobHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code ita-by-menu-create} backyard's job on this node: each item ends in 3 (Completed) with the sheet's
 * menus made, or in 4 (Completed(error)) with the reason as its note and nothing changed; met by load mode, it
 * goes back to 1 (Unexecuted) with nothing changed (see {@link SheetCreation#create}).
 * {@code jita.menu-create.enabled=false} leaves the items to other nodes.
 */
@Configuration
class MenuCreateJob {

    static final int COMPLETED = 3;
    static final int COMPLETED_ERROR = 4;

    @Bean
    JobHandler menuCreateHandler(SheetCreation creation) {
        return new JobHandler() {
            @Override
            public Backyard backyard() {
                return Backyard.MENU_CREATE;
            }

            @Override
            public Step run(ClaimedItem item, ItemProgress progress) {
                return creation.create(item);
            }
        };
    }
}
