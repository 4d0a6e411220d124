package dev.jnn.data;

import dev.jnn.util.MemoryBudget;

import dev.jnn.tensor.DType;
import dev.jnn.tensor.Tensor;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Turns a picture of one handwritten digit (PNG, JPEG, anything {@code javax.imageio} reads) into an MNIST-like
 * row: 28×28 grayscale in [0, 1], white ink on black, the ink's bounding box scaled to fit 20×20 and its centre of
 * mass put at the centre, as MNIST was prepared. Drawings are usually dark ink on a light page, so
 * {@code invert} turns them around first.
 */
public final class ImageFiles {
    private static final int SIDE = 28;
    private static final int BOX = 20;

    private ImageFiles() {
    }

    /** The picture as a 1×784 row of the given dtype. */
    public static Tensor readDigit(Path file, boolean invert, DType dtype) {
        BufferedImage img;
        try {
            if (!Files.isRegularFile(file)) {
                throw new DataException(file + ": no such file");
            }
            img = decode(file);
        } catch (IOException e) {
            throw new DataException(file + ": cannot decode the image (" + e.getMessage() + ")");
        }
        if (img == null) {
            throw new DataException(file + ": not an image format that javax.imageio reads (PNG, JPEG, GIF, BMP)");
        }
        double[][] gray = gray(img, invert);
        return Tensor.wrap(toMnist(gray), 1, SIDE * SIDE).to(dtype);
    }

    /**
     * Decodes an image after checking its dimensions, which the header gives, against the memory budget (the
     * decoded raster and the gray copy, about 12 bytes a pixel); null when no reader knows the format.
     */
    private static BufferedImage decode(Path file) throws IOException {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            java.util.Iterator<javax.imageio.ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                return null;
            }
            javax.imageio.ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long w = reader.getWidth(0);
                long h = reader.getHeight(0);
                String shortfall = MemoryBudget.shortfall(file + ": a " + w + "×" + h + " image", w * h, 12);
                if (shortfall != null) {
                    throw new DataException(shortfall);
                }
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    /** Luminance in [0, 1] with ink high; transparent pixels count as background. */
    static double[][] gray(BufferedImage img, boolean invert) {
        int h = img.getHeight();
        int w = img.getWidth();
        double[][] g = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = img.getRGB(x, y);
                double a = ((argb >>> 24) & 0xff) / 255.0;
                double lum = (0.299 * ((argb >> 16) & 0xff) + 0.587 * ((argb >> 8) & 0xff) + 0.114 * (argb & 0xff)) / 255;
                double v = invert ? 1 - lum : lum;
                g[y][x] = v * a;
            }
        }
        return g;
    }

    /** The MNIST preparation of an ink map: crop, fit into 20×20 keeping the aspect, centre of mass at 14,14. */
    static double[] toMnist(double[][] g) {
        int h = g.length;
        int w = g[0].length;
        int top = h;
        int bottom = -1;
        int left = w;
        int right = -1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (g[y][x] > 0.1) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                    left = Math.min(left, x);
                    right = Math.max(right, x);
                }
            }
        }
        double[] out = new double[SIDE * SIDE];
        if (bottom < 0) {
            return out; // a blank page stays blank
        }
        int bw = right - left + 1;
        int bh = bottom - top + 1;
        double f = (double) BOX / Math.max(bw, bh);
        int tw = Math.max(1, (int) Math.round(bw * f));
        int th = Math.max(1, (int) Math.round(bh * f));
        BufferedImage crop = new BufferedImage(bw, bh, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < bh; y++) {
            for (int x = 0; x < bw; x++) {
                int v = (int) Math.round(Math.min(1, Math.max(0, g[top + y][left + x])) * 255);
                crop.setRGB(x, y, v << 16 | v << 8 | v);
            }
        }
        BufferedImage small = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        Graphics2D gr = small.createGraphics();
        gr.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        gr.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        gr.drawImage(crop, 0, 0, tw, th, null);
        gr.dispose();
        double mass = 0;
        double cy = 0;
        double cx = 0;
        double[][] s = new double[th][tw];
        for (int y = 0; y < th; y++) {
            for (int x = 0; x < tw; x++) {
                s[y][x] = (small.getRGB(x, y) & 0xff) / 255.0;
                mass += s[y][x];
                cy += y * s[y][x];
                cx += x * s[y][x];
            }
        }
        int oy = mass == 0 ? (SIDE - th) / 2 : (int) Math.round(SIDE / 2.0 - 0.5 - cy / mass);
        int ox = mass == 0 ? (SIDE - tw) / 2 : (int) Math.round(SIDE / 2.0 - 0.5 - cx / mass);
        oy = Math.max(0, Math.min(SIDE - th, oy));
        ox = Math.max(0, Math.min(SIDE - tw, ox));
        for (int y = 0; y < th; y++) {
            System.arraycopy(s[y], 0, out, (oy + y) * SIDE + ox, tw);
        }
        return out;
    }
}
