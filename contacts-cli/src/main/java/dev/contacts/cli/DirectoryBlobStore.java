package dev.contacts.cli;

import dev.contacts.host.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Attachment bytes as files below a directory, one file per key (keys are the SDK's
 * printable ASCII paths): what the tool uses with {@code --blobs DIR} instead of the store's
 * own blob store.
 */
final class DirectoryBlobStore implements BlobStore {
    private final Path root;

    DirectoryBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    private Path file(String key) {
        Path f = root.resolve(key).normalize();
        if (!f.startsWith(root) || f.equals(root)) {
            throw new IllegalArgumentException("blob key '" + key + "' leaves the blob directory");
        }
        return f;
    }

    @Override
    public void put(String key, byte[] bytes) {
        Path f = file(key);
        try {
            Files.createDirectories(f.getParent());
            Path tmp = Files.createTempFile(f.getParent(), ".put", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE); // never a half-written file
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write attachment " + f + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(file(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read attachment " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public boolean delete(String key) {
        try {
            return Files.deleteIfExists(file(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete attachment " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> list(String prefix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".tmp"))
                    .map(p -> root.relativize(p).toString().replace(java.io.File.separatorChar, '/'))
                    .filter(k -> k.startsWith(prefix)).forEach(keys::add);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list attachments in " + root + ": " + e.getMessage(), e);
        }
        return keys;
    }
}
