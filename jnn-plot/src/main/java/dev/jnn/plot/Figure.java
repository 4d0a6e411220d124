package dev.jnn.plot;

import dev.jnn.util.AtomicFiles;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;

import javax.imageio.ImageIO;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * One drawn figure: its kind (which names its file, e.g. {@code loss_curve}), the picture, and for charts the
 * chart itself with where its data area landed, so that a point of the data can be found on the picture.
 */
public final class Figure {
    private final String kind;
    private final BufferedImage image;
    private final JFreeChart chart;
    private final Rectangle2D dataArea;

    Figure(String kind, BufferedImage image) {
        this(kind, image, null, null);
    }

    private Figure(String kind, BufferedImage image, JFreeChart chart, Rectangle2D dataArea) {
        this.kind = kind;
        this.image = image;
        this.chart = chart;
        this.dataArea = dataArea;
    }

    /** A chart rendered at {@code width}×{@code height} pixels. */
    static Figure of(String kind, JFreeChart chart, int width, int height) {
        ChartRenderingInfo info = new ChartRenderingInfo();
        BufferedImage image = chart.createBufferedImage(width, height, BufferedImage.TYPE_INT_RGB, info);
        return new Figure(kind, image, chart, info.getPlotInfo().getDataArea());
    }

    /** The kind, e.g. {@code decision_boundary}; {@code kind + ".png"} is its file name in a plots directory. */
    public String kind() {
        return kind;
    }

    /** The picture. */
    public BufferedImage image() {
        return image;
    }

    /** The chart, or null for an image grid. */
    public JFreeChart chart() {
        return chart;
    }

    /** Where the data point {@code (x, y)} of an XY chart is on the picture. */
    public Point2D pixel(double x, double y) {
        if (chart == null || !(chart.getPlot() instanceof XYPlot plot)) {
            throw new IllegalStateException(kind + " is not an XY chart");
        }
        return new Point2D.Double(plot.getDomainAxis().valueToJava2D(x, dataArea, plot.getDomainAxisEdge()),
                plot.getRangeAxis().valueToJava2D(y, dataArea, plot.getRangeAxisEdge()));
    }

    /** The picture as PNG bytes. */
    public byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes the PNG to {@code file} atomically (a device or FIFO is written in place, never replaced). */
    public Path write(Path file) throws IOException {
        AtomicFiles.write(file, png());
        return file;
    }

    /** Writes {@code kind.png} into {@code dir}. */
    public Path writeInto(Path dir) throws IOException {
        return write(dir.resolve(kind + ".png"));
    }
}
