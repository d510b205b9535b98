package dev.catalog.local.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.stream.Stream;

/**
 * PostgreSQL and OpenSearch refuse to run as root, and CI runs as root. Under root those services run as uid
 * 65534 ("nobody", present on every Linux), which must own the directories they write.
 */
public final class Users {

    static final int UNPRIVILEGED_ID = 65534;

    private Users() {
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** When running as root, hands {@code dir} and everything below it to the unprivileged user. */
    public static void handOverToUnprivileged(Path dir) {
        if (!isRoot()) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
            var owner = lookup.lookupPrincipalByName(Integer.toString(UNPRIVILEGED_ID));
            var group = lookup.lookupPrincipalByGroupName(Integer.toString(UNPRIVILEGED_ID));
            for (Path path : (Iterable<Path>) paths::iterator) {
                PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
                view.setOwner(owner);
                view.setGroup(group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hand " + dir + " to uid " + UNPRIVILEGED_ID, e);
        }
    }
}
