package dev.jita.maintenance;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/** Makes sure both mode rows exist before the server takes its first request. */
@Component
class MaintenanceRowsInitializer implements SmartInitializingSingleton {

    private final MaintenanceSettingService settings;

    MaintenanceRowsInitializer(MaintenanceSettingService settings) {
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        settings.ensureRows();
    }
}
