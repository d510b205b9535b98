package dev.catalog.systemtest.console;

import dev.catalog.systemtest.support.CatalogStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** A test class looking at the test stack's console through one browser, opened first and closed last whatever happens. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {

    protected final CatalogStack stack = CatalogStack.get();
    protected ConsoleBrowser browser;

    @BeforeAll
    final void openBrowser() {
        browser = ConsoleBrowser.open(stack.stack().consoleUrl());
    }

    @AfterAll
    final void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }
}
