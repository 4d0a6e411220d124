package dev.jnn.cli;

import dev.jnn.data.Downloader;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar (on stderr) for each file a dataset download fetches. */
final class DownloadProgress implements Downloader.Listener {
    private final boolean show;
    private ProgressBar bar;

    DownloadProgress(boolean show) {
        this.show = show;
    }

    @Override
    public void started(String file, long totalBytes) {
        if (show) {
            bar = new ProgressBarBuilder().setTaskName(file).setInitialMax(Math.max(totalBytes, -1))
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" MB", 1 << 20).showSpeed()
                    .setUpdateIntervalMillis(200).build();
        }
    }

    @Override
    public void progress(long bytes) {
        if (bar != null) {
            bar.stepTo(bytes);
        }
    }

    @Override
    public void finished() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }
}
