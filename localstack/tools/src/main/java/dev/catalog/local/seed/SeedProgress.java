package dev.catalog.local.seed;

/** Hears how seeding advances, to show it (a progress bar) or not at all ({@link #NONE}). */
public interface SeedProgress {

    SeedProgress NONE = new SeedProgress() {
    };

    /** Categories are created; {@code products} products come next. */
    default void started(long products) {
    }

    /** One more product is done: created with its follow-up commands, found already there, or failed. */
    default void productDone(boolean failed) {
    }

    default void finished() {
    }
}
