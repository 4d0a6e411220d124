package dev.jnn.data;

import dev.jnn.util.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the files of a {@link RemoteSet}, in this order: an explicit directory, {@code $JNN_DATA/<name>/}, the
 * cache ({@code $XDG_CACHE_HOME/jnn/<name>/} or {@code ~/.cache/jnn/<name>/}), the system directories that packages
 * install into, and last a download from the publisher into the cache. Each file may be raw or {@code .gz}. When
 * every source fails, the error lists what was tried and how to provide the files.
 */
public final class DataStore {
    private final Path jnnData;
    private final Path cache;
    private final boolean allowDownload;
    private final Downloader downloader;
    private final Downloader.Listener listener;

    /**
     * @param jnnData       the {@code JNN_DATA} directory, or null
     * @param cache         the cache root (the set goes into {@code cache/<name>/})
     * @param allowDownload whether to download when no local copy exists
     * @param listener      progress of downloads
     */
    public DataStore(Path jnnData, Path cache, boolean allowDownload, Downloader.Listener listener) {
        this.jnnData = jnnData;
        this.cache = cache;
        this.allowDownload = allowDownload;
        this.downloader = new Downloader();
        this.listener = listener == null ? new Downloader.Listener() { } : listener;
    }

    /** The store the environment describes: {@code JNN_DATA}, {@code XDG_CACHE_HOME}, downloads allowed. */
    public static DataStore fromEnvironment(Downloader.Listener listener) {
        String data = System.getenv("JNN_DATA");
        return new DataStore(data == null || data.isBlank() ? null : Path.of(data), defaultCache(), true, listener);
    }

    /** {@code $XDG_CACHE_HOME/jnn}, or {@code ~/.cache/jnn}. */
    public static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("jnn");
    }

    /** The cache directory of a set. */
    public Path cacheDir(RemoteSet set) {
        return cache.resolve(set.name());
    }

    /** The first local directory that holds every file of the set, without downloading; null when there is none. */
    public Path findLocal(RemoteSet set) {
        for (Path dir : candidates(set)) {
            if (holds(dir, set)) {
                return dir;
            }
        }
        return null;
    }

    /** The directory holding the set: {@code explicit} (or its {@code <name>/}) if given, else the search order. */
    public Path locate(RemoteSet set, Path explicit) {
        if (explicit != null) {
            for (Path dir : List.of(explicit, explicit.resolve(set.name()))) {
                if (holds(dir, set)) {
                    return dir;   // the user's own copy, possibly a subset in the same format: not checked
                }
            }
            throw new DataException(explicit + " does not hold the " + set.name() + " files (" + fileNames(set)
                    + ", raw or .gz)");
        }
        Path local = findLocal(set);
        if (local != null) {
            return verifiedOnce(set, local);
        }
        List<String> tried = new ArrayList<>();
        for (Path dir : candidates(set)) {
            tried.add(dir + (Files.isDirectory(dir) ? " (incomplete)" : " (absent)"));
        }
        if (!allowDownload) {
            tried.add("download (not allowed here)");
        } else {
            try {
                return download(set);
            } catch (IOException e) {
                tried.add("download: " + e.getMessage());
            }
        }
        throw new DataException("cannot find " + set.name() + "; tried " + String.join("; ", tried) + ". To provide it, "
                + set.hint().formatted(cacheDir(set) + "/") + ".");
    }

    /** Downloads the files of the set that the cache lacks, verifying each; returns the cache directory. */
    public Path download(RemoteSet set) throws IOException {
        Path dir = cacheDir(set);
        Files.createDirectories(dir);
        for (RemoteSet.RemoteFile f : set.files()) {
            if (file(dir, f.baseName()) == null) {
                String urlName = Path.of(f.url().getPath()).getFileName().toString();
                downloader.download(f.url(), dir.resolve(urlName), f.sha256(), listener);
            }
        }
        return dir;
    }

    /**
     * {@code dir}, found by the search order, after checking each file's SHA-256 the first time it is used (an
     * explicit directory is the user's own and is not checked): a stamp in the cache (the file's
     * path, size and modification time) records a file that passed, so later runs skip the hashing until the
     * file changes. A corrupt or truncated file fails with one line naming it.
     */
    Path verifiedOnce(RemoteSet set, Path dir) {
        Path stamps = cache.resolve(".verified");
        for (RemoteSet.RemoteFile f : set.files()) {
            Path p = file(dir, f.baseName());
            try {
                String key = p.toAbsolutePath() + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis();
                Path stamp = stamps.resolve(set.name() + "-" + p.getFileName() + ".stamp");
                if (Files.isRegularFile(stamp) && Files.readString(stamp).equals(key)) {
                    continue;
                }
                String actual = Downloader.sha256(p);
                if (!actual.equals(f.sha256())) {
                    throw new DataException(p + ": SHA-256 is " + actual + ", expected " + f.sha256() + " (a corrupt"
                            + " or partial copy: delete it, and jnn downloads or finds it again)");
                }
                try {
                    Files.createDirectories(stamps);
                    AtomicFiles.write(stamp, key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // a read-only cache: verify again next time
                }
            } catch (IOException e) {
                throw new DataException(p + ": " + e.getMessage(), e);
            }
        }
        return dir;
    }

    /** Checks every file of the set in {@code dir} against its SHA-256; an error names the first that differs. */
    public static void verify(RemoteSet set, Path dir) throws IOException {
        for (RemoteSet.RemoteFile f : set.files()) {
            Path p = file(dir, f.baseName());
            if (p == null) {
                throw new DataException(dir + ": " + f.baseName() + " is missing");
            }
            String actual = Downloader.sha256(p);
            if (!actual.equals(f.sha256())) {
                throw new DataException(p + ": SHA-256 is " + actual + ", expected " + f.sha256());
            }
        }
    }

    /** The file for a base name in a directory, raw or {@code .gz}; null if neither exists. */
    public static Path file(Path dir, String baseName) {
        for (String name : List.of(baseName, baseName + ".gz")) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    private List<Path> candidates(RemoteSet set) {
        List<Path> dirs = new ArrayList<>();
        if (jnnData != null) {
            dirs.add(jnnData.resolve(set.name()));
        }
        dirs.add(cacheDir(set));
        dirs.addAll(set.systemDirs());
        return dirs;
    }

    private static boolean holds(Path dir, RemoteSet set) {
        return set.files().stream().allMatch(f -> file(dir, f.baseName()) != null);
    }

    private static String fileNames(RemoteSet set) {
        return String.join(", ", set.files().stream().map(RemoteSet.RemoteFile::baseName).toList());
    }
}
