package de.sozialmonitor.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and folders that only the program's own operating-system account may read: the workspace
 * state folder {@code .sozialmonitor/} with the embedded database, its credentials and staged
 * uploads. Folders get {@code rwx------}, files {@code rw-------} (read-only files
 * {@code r--------}). On file systems without POSIX permissions (Windows) the folder's access
 * list applies and nothing is changed.
 */
public final class PrivateFiles {
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    public static final Set<PosixFilePermission> READ_ONLY = PosixFilePermissions.fromString("r--------");

    private PrivateFiles() {
    }

    /** Creates {@code dir} (and missing parents) as private folders, or makes an existing one private. */
    public static Path folder(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Path parent = dir.toAbsolutePath().getParent();
                if (parent != null && !Files.isDirectory(parent)) {
                    Files.createDirectories(parent);
                }
                try {
                    if (posix(parent)) {
                        Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(FOLDER));
                    } else {
                        Files.createDirectory(dir);
                    }
                } catch (FileAlreadyExistsException e) {
                    // made at the same moment by another process: restricted below
                }
            }
            restrict(dir);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Private permissions for an existing folder or file (folders rwx------, files rw-------). */
    public static void restrict(Path path) {
        set(path, Files.isDirectory(path) ? FOLDER : FILE);
    }

    /** Makes every file directly in {@code dir} private (the folder itself too). */
    public static void restrictContents(Path dir) {
        restrict(dir);
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f)) {
                    restrict(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sets exactly these permissions where the file system has POSIX permissions. */
    public static void set(Path path, Set<PosixFilePermission> permissions) {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            if (!view.readAttributes().permissions().equals(permissions)) {
                view.setPermissions(permissions);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates a new, empty private file (rw-------); fails if it exists. */
    public static Path createFile(Path file) throws IOException {
        return Files.createFile(file, attributes(file.toAbsolutePath().getParent()));
    }

    /**
     * Writes a new private file; fails with {@link FileAlreadyExistsException} if it exists, so
     * that of two processes writing at once exactly one wins.
     */
    public static void createNew(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, ".new-", ".tmp", attributes(dir));
        try {
            Files.write(temp, content, StandardOpenOption.TRUNCATE_EXISTING);
            try {
                Files.createLink(file, temp); // atomic, and refuses an existing target
            } catch (UnsupportedOperationException e) {
                Files.move(temp, file);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static FileAttribute<?>[] attributes(Path dir) {
        return posix(dir) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)} : new FileAttribute<?>[0];
    }

    private static boolean posix(Path dir) {
        return dir != null && Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null;
    }
}
