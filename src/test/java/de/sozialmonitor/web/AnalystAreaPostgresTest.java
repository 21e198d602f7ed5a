package de.sozialmonitor.web;

import org.junit.jupiter.api.BeforeAll;

/**
 * Every analyst-area test again on a real PostgreSQL (started by {@code ./test}; skipped without
 * one unless SOZIALMONITOR_REQUIRE_PG=1): upload, check, import and compute go through the same
 * transactions the CLI uses, and those must hold on the county's server database too.
 */
class AnalystAreaPostgresTest extends AnalystAreaTest {

    /** Hides {@link AnalystAreaTest#start()}: the fixture runs on PostgreSQL instead of H2. */
    @BeforeAll
    static void start() {
        fx = WebFixture.start(de.sozialmonitor.store.TestDatabases.Kind.POSTGRES.open());
    }
}
