package dev.catalog.local.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.Set;

/**
 * The local stack's token signing key: an RSA key (API Gateway's JWT authorizers verify RSA signatures only),
 * generated on first use and kept as a JWK set in a file only its owner can read, so tokens stay valid across
 * restarts of the local runtime.
 */
public final class LocalSigningKey {

    public static final String FILE_NAME = "signing-key.jwks.json";

    private static final int KEY_SIZE = 2048;
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final RSAKey key;

    private LocalSigningKey(RSAKey key) {
        this.key = key;
    }

    /** The key stored in {@code directory}, or a new one stored there if there is none yet. */
    public static LocalSigningKey loadOrCreate(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(directory, file);
            }
            return load(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the local signing key in " + file, e);
        }
    }

    /** The key with its private part, for signing. */
    public RSAKey privateKey() {
        return key;
    }

    /** The public key as a JWK set, what an authorizer verifies tokens with. */
    public JWKSet publicKeys() {
        return new JWKSet(key.toPublicJWK());
    }

    private static void create(Path directory, Path file) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, ownerOnly(OWNER_ONLY_DIRECTORY));
        }
        Path staging = Files.createTempFile(directory, ".signing-key-", ".tmp", ownerOnly(OWNER_ONLY));
        try {
            Files.writeString(staging, new JWKSet(generate()).toString(false), StandardCharsets.UTF_8);
            // A link fails when the file exists: a runtime creating its key at the same moment keeps its own.
            Files.createLink(file, staging);
        } catch (FileAlreadyExistsException e) {
            // the other one's key is as good as ours
        } finally {
            Files.delete(staging);
        }
    }

    private static LocalSigningKey load(Path file) throws IOException {
        if (POSIX && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
        JWKSet keys;
        try {
            keys = JWKSet.load(file.toFile());
        } catch (ParseException e) {
            throw new IllegalStateException(file + " is not a JWK set: " + e.getMessage()
                    + "; delete it and a new key is made (tokens signed with the old one stop working)", e);
        }
        if (keys.getKeys().size() != 1 || !(keys.getKeys().getFirst() instanceof RSAKey key) || !key.isPrivate()) {
            throw new IllegalStateException(file + " does not hold one private RSA key; delete it and a new key is made");
        }
        return new LocalSigningKey(key);
    }

    private static RSAKey generate() {
        try {
            return new RSAKeyGenerator(KEY_SIZE)
                    .keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256)
                    .keyIDFromThumbprint(true)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate an RSA key", e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(Set<PosixFilePermission> permissions) {
        return POSIX ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)} : new FileAttribute<?>[0];
    }

    /** For messages: which key this is, never its private part. */
    @Override
    public String toString() {
        return "LocalSigningKey[kid=" + key.getKeyID() + "]";
    }
}
