package dev.catalog.local.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSigningKeyTest {

    @TempDir
    Path directory;

    @Test
    void creates_the_key_once_and_loads_the_same_key_on_later_starts() {
        LocalSigningKey created = LocalSigningKey.loadOrCreate(directory.resolve("auth"));
        LocalSigningKey loaded = LocalSigningKey.loadOrCreate(directory.resolve("auth"));

        assertThat(loaded.privateKey()).isEqualTo(created.privateKey());
        assertThat(created.privateKey().isPrivate()).isTrue();
        assertThat(created.privateKey().size()).isEqualTo(2048);
    }

    @Test
    void keeps_the_private_key_readable_by_its_owner_only() throws IOException {
        LocalSigningKey.loadOrCreate(directory.resolve("auth"));

        Path file = directory.resolve("auth").resolve(LocalSigningKey.FILE_NAME);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void publishes_only_the_public_part_for_verification() {
        LocalSigningKey key = LocalSigningKey.loadOrCreate(directory.resolve("auth"));

        assertThat(key.publicKeys().getKeys()).singleElement().satisfies(jwk -> {
            assertThat(jwk.isPrivate()).isFalse();
            assertThat(jwk.getKeyID()).isEqualTo(key.privateKey().getKeyID());
        });
        assertThat(key.toString()).doesNotContain(key.privateKey().getPrivateExponent().toString());
    }

    @Test
    void tells_what_to_do_with_a_key_file_it_cannot_read() throws IOException {
        Files.createDirectories(directory.resolve("auth"));
        Files.writeString(directory.resolve("auth").resolve(LocalSigningKey.FILE_NAME), "{\"keys\": []}");

        assertThatThrownBy(() -> LocalSigningKey.loadOrCreate(directory.resolve("auth")))
                .hasMessageContaining("does not hold one private RSA key")
                .hasMessageContaining("delete it");
    }
}
