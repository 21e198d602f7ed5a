package de.sozialmonitor.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.sozialmonitor.json.Json;
import de.sozialmonitor.store.PrivateFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Files uploaded in the analyst area. An upload is staged under
 * {@code .sozialmonitor/uploads/ID/NAME} (program state, private, outside version control) with its
 * metadata in {@code ID.json}; once imported, an aggregate file moves to {@code data/uploads/ID/NAME},
 * beside the other delivered files, while a register extract (microdata) is deleted, as is every
 * upload whose check or import was rejected: of those only the SHA-256 and provenance in the
 * import history remain. {@code ID} is generated here (time and 64 random bits) and {@code NAME}
 * is the client's file name reduced to letters, digits, dot, dash and underscore: the client
 * decides nothing about the path. The SHA-256 is taken while the file is written, and an import
 * must name it again, so that a file swapped after the check is refused.
 */
final class Uploads {
    /** One staged file and what the server knows about it. */
    record Staged(String id, Path file, String originalName, String sha256, long size, String user, String mapping,
                  String source, Instant at) {
        String name() {
            return file.getFileName().toString();
        }
    }

    /** The upload is larger than the limit; nothing is kept. */
    static final class TooLarge extends IOException {
        TooLarge() {
            super("upload too large");
        }
    }

    private static final Pattern ID = Pattern.compile("\\d{8}T\\d{6}Z-[0-9a-f]{16}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** Staged uploads nobody imported are removed after this time (they may be register extracts). */
    static final Duration KEEP_STAGED = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path staging;
    private final Path archive;

    Uploads(Path staging, Path archive) {
        this.staging = staging;
        this.archive = archive;
    }

    static Uploads of(de.sozialmonitor.workspace.Workspace ws) {
        return new Uploads(ws.stateDir().resolve("uploads"), ws.dataDir().resolve("uploads"));
    }

    /**
     * Writes {@code in} to a new staged file, at most {@code maxBytes}.
     *
     * @throws TooLarge if the content is longer (the partial file is deleted)
     */
    Staged store(InputStream in, String clientName, long maxBytes, String user, String mapping, String source) throws IOException {
        removeOldStaged();
        Instant now = Instant.now();
        byte[] random = new byte[8];
        RANDOM.nextBytes(random);
        String id = STAMP.format(now) + "-" + HexFormat.of().formatHex(random);
        PrivateFiles.folder(staging.getParent());
        PrivateFiles.folder(staging);
        Path dir = PrivateFiles.folder(staging.resolve(id));
        Path file = dir.resolve(safeName(clientName));
        MessageDigest md = sha256();
        long size = 0;
        try (DigestInputStream din = new DigestInputStream(in, md);
             OutputStream out = Files.newOutputStream(PrivateFiles.createFile(file))) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = din.read(buf)) > 0) {
                size += n;
                if (size > maxBytes) {
                    throw new TooLarge();
                }
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            deleteStaged(id);
            throw e;
        }
        PrivateFiles.set(file, PrivateFiles.READ_ONLY);
        Staged s = new Staged(id, file, clientName == null ? "" : clientName, HexFormat.of().formatHex(md.digest()), size, user,
                mapping, source, now);
        ObjectNode meta = Json.MAPPER.createObjectNode();
        meta.put("name", s.name());
        meta.put("originalName", s.originalName());
        meta.put("sha256", s.sha256());
        meta.put("size", s.size());
        meta.put("user", s.user());
        meta.put("mapping", s.mapping());
        meta.put("source", s.source());
        meta.put("at", s.at().toString());
        Path metaFile = staging.resolve(id + ".json");
        Files.write(PrivateFiles.createFile(metaFile), Json.MAPPER.writeValueAsBytes(meta));
        return s;
    }

    /** The staged upload {@code id}; empty for an id this class did not make or that is gone. */
    Optional<Staged> find(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        Path meta = staging.resolve(id + ".json");
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        try {
            var n = Json.MAPPER.readTree(meta.toFile());
            Path file = staging.resolve(id).resolve(safeName(n.path("name").asText()));
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            return Optional.of(new Staged(id, file, n.path("originalName").asText(), n.path("sha256").asText(),
                    n.path("size").asLong(), n.path("user").asText(), text(n.get("mapping")), text(n.get("source")),
                    Instant.parse(n.path("at").asText())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    /** Moves an imported upload to {@code data/uploads/ID/NAME} and forgets the staged one. */
    Path archive(Staged s) throws IOException {
        Path dir = archive.resolve(s.id());
        Files.createDirectories(dir);
        Path target = dir.resolve(s.name());
        Files.move(s.file(), target, StandardCopyOption.REPLACE_EXISTING);
        deleteStaged(s.id());
        return target;
    }

    /**
     * The client's file name as a safe single path element: the last element only, letters and
     * digits (any script), dot, dash and underscore, no leading dot, at most 120 characters with
     * the extension kept. Mapping patterns match on it, so ordinary names stay as they are.
     */
    static String safeName(String clientName) {
        String name = clientName == null ? "" : clientName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC);
        name = name.replaceAll("[^\\p{L}\\p{N}._-]", "_").replaceAll("_{2,}", "_").replaceAll("\\.{2,}", ".");
        name = name.replaceFirst("^[._]+", "");
        if (name.length() > 120) {
            int dot = name.lastIndexOf('.');
            String ext = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, 120 - ext.length()) + ext;
        }
        return name.isEmpty() || name.startsWith(".") ? "upload" + name : name;
    }

    /** Deletes a staged upload and its metadata: a register extract after its import or rejection, any rejected file. */
    void discard(Staged s) {
        deleteStaged(s.id());
    }

    private void deleteStaged(String id) {
        try {
            Path dir = staging.resolve(id);
            if (Files.isDirectory(dir)) {
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        f.toFile().setWritable(true);
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(dir);
            }
            Files.deleteIfExists(staging.resolve(id + ".json"));
        } catch (IOException e) {
            // a leftover staging file is harmless; the next clean-up tries again
        }
    }

    /** Staged uploads nobody imported are removed after {@link #KEEP_STAGED}. */
    private void removeOldStaged() {
        if (!Files.isDirectory(staging)) {
            return;
        }
        Instant limit = Instant.now().minus(KEEP_STAGED);
        try (var entries = Files.list(staging)) {
            for (Path p : entries.toList()) {
                String id = p.getFileName().toString().replaceFirst("\\.json$", "");
                if (ID.matcher(id).matches() && Files.getLastModifiedTime(p).toInstant().isBefore(limit)) {
                    deleteStaged(id);
                }
            }
        } catch (IOException e) {
            // clean-up is best effort
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
