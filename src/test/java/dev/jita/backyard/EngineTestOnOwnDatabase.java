package dev.jita.backyard;

import dev.jita.test.TestDatabase;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Engine tests on a database of their own: on the shared one, items that other test classes registered and no
 * engine of theirs runs would be claimed by these engines and held in place of the test's own. (A test that
 * chooses its database itself extends {@link EngineTestSupport}: a superclass's property source is applied after
 * the subclass's and would win.)
 */
abstract class EngineTestOnOwnDatabase extends EngineTestSupport {

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        TestDatabase.useOwn(registry);
    }
}
