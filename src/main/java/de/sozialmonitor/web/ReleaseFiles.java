package de.sozialmonitor.web;

import de.sozialmonitor.privacy.ReleaseDownload;
import de.sozialmonitor.store.PrivateFiles;
import de.sozialmonitor.store.ReleaseRepository;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The complete downloads of releases as files: each is copied from the database once (streamed,
 * into the private state folder) and then served from the file, so a 12 MB release download costs
 * the server a file read, not a 12 MB string and byte array per request. Releases never change
 * after they are created; the file name carries the release checksum, so a different database
 * (another workspace state, a restored backup) never gets an old file.
 */
final class ReleaseFiles implements AutoCloseable {
    private final Path dir;
    private final boolean temporary;
    private final ReleaseRepository releases;
    private final ConcurrentHashMap<String, Object> writing = new ConcurrentHashMap<>();

    private ReleaseFiles(Path dir, boolean temporary, ReleaseRepository releases) {
        this.dir = dir;
        this.temporary = temporary;
        this.releases = releases;
    }

    /** Files under {@code .sozialmonitor/releases} of a workspace, or a private temporary folder without one. */
    static ReleaseFiles of(de.sozialmonitor.workspace.Workspace ws, ReleaseRepository releases) {
        try {
            if (ws != null) {
                PrivateFiles.folder(ws.stateDir());
                return new ReleaseFiles(PrivateFiles.folder(ws.stateDir().resolve("releases")), false, releases);
            }
            Path tmp = Files.createTempDirectory("sozialmonitor-releases");
            PrivateFiles.restrict(tmp);
            return new ReleaseFiles(tmp, true, releases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The download file of a published release; empty if there is no such published release. */
    Optional<Path> published(int number, ReleaseDownload.Format format) {
        return releases.find(number).filter(ReleaseRepository.ReleaseInfo::isPublished).flatMap(r -> file(r, format, false));
    }

    /** The download file of any release (staff only). */
    Optional<Path> any(int number, ReleaseDownload.Format format) {
        return releases.find(number).flatMap(r -> file(r, format, true));
    }

    private Optional<Path> file(ReleaseRepository.ReleaseInfo r, ReleaseDownload.Format format, boolean internal) {
        String checksum = r.checksum().replaceAll("[^0-9A-Za-z]", "");
        Path file = dir.resolve(r.number() + "-" + checksum.substring(0, Math.min(16, checksum.length())) + "." + format.extension());
        if (Files.isRegularFile(file)) {
            return Optional.of(file);
        }
        synchronized (writing.computeIfAbsent(file.getFileName().toString(), k -> new Object())) {
            if (Files.isRegularFile(file)) {
                return Optional.of(file);
            }
            try {
                Path temp = Files.createTempFile(dir, ".release-", ".tmp");
                try {
                    PrivateFiles.restrict(temp);
                    boolean found;
                    try (OutputStream out = Files.newOutputStream(temp)) {
                        found = releases.copyDownload(r.number(), format, internal, out);
                    }
                    if (!found) {
                        return Optional.empty();
                    }
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
                    return Optional.of(file);
                } finally {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        if (!temporary) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
