package dev.jnn.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Grids of small grey images drawn with {@code BufferedImage}: samples with captions, first-layer weights, feature
 * maps, filters and reconstructions. Each tile is scaled up by a whole factor (nearest neighbour, so pixels stay
 * sharp) until the figure is at least 640 pixels wide.
 */
final class ImageGrids {
    private static final int MIN_WIDTH = 640;
    private static final int GAP = 6;
    private static final int TITLE = 30;

    private ImageGrids() {
    }

    /**
     * One tile.
     *
     * @param pixels  {@code height × width} values, row-major
     * @param caption text under the tile, or null
     * @param red     whether the caption is an error (drawn in red)
     */
    record Tile(double[] pixels, String caption, boolean red) {
    }

    /** How tiles map values to grey: over the whole grid's range, or each tile over its own. */
    enum Scaling { GLOBAL, PER_TILE }

    static Figure draw(String kind, String title, Tile[] tiles, int height, int width, int columns, Scaling scaling,
                       boolean inkDark) {
        if (tiles.length == 0) {
            throw new IllegalArgumentException("an image grid needs at least one image");
        }
        int cols = Math.max(1, Math.min(columns, tiles.length));
        int rows = (tiles.length + cols - 1) / cols;
        int zoom = Math.max(1, Math.min(16, (MIN_WIDTH / cols - GAP) / width + 1));
        boolean captions = false;
        for (Tile t : tiles) {
            captions |= t.caption() != null;
        }
        int caption = captions ? 18 : 0;
        int cellW = width * zoom + GAP;
        int cellH = height * zoom + GAP + caption;
        int figW = Math.max(MIN_WIDTH, cols * cellW + GAP);
        int figH = TITLE + rows * cellH + GAP;
        BufferedImage img = new BufferedImage(figW, figH, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, figW, figH);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, GAP, 20);
        double[] range = scaling == Scaling.GLOBAL ? range(tiles) : null;
        Font small = new Font(Font.SANS_SERIF, Font.PLAIN, Math.max(9, Math.min(12, zoom * width / 5)));
        g.setFont(small);
        FontMetrics fm = g.getFontMetrics();
        int left = (figW - cols * cellW) / 2 + GAP;
        for (int i = 0; i < tiles.length; i++) {
            int x0 = left + (i % cols) * cellW;
            int y0 = TITLE + (i / cols) * cellH;
            double[] r = range != null ? range : range(new Tile[] {tiles[i]});
            paint(img, tiles[i].pixels(), height, width, zoom, x0, y0, r, inkDark);
            if (tiles[i].caption() != null) {
                g.setColor(tiles[i].red() ? new Color(0xd62728) : Color.BLACK);
                String text = tiles[i].caption();
                g.drawString(text, x0 + (width * zoom - fm.stringWidth(text)) / 2, y0 + height * zoom + fm.getAscent() + 2);
            }
        }
        g.dispose();
        return new Figure(kind, img);
    }

    private static void paint(BufferedImage img, double[] px, int h, int w, int zoom, int x0, int y0, double[] range,
                              boolean inkDark) {
        double span = range[1] > range[0] ? range[1] - range[0] : 1;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double v = px[y * w + x];
                int grey = Double.isFinite(v) ? (int) Math.round(255 * Math.min(1, Math.max(0, (v - range[0]) / span)))
                        : 0;
                if (inkDark) {
                    grey = 255 - grey;
                }
                int rgb = grey << 16 | grey << 8 | grey;
                for (int dy = 0; dy < zoom; dy++) {
                    for (int dx = 0; dx < zoom; dx++) {
                        img.setRGB(x0 + x * zoom + dx, y0 + y * zoom + dy, rgb);
                    }
                }
            }
        }
    }

    private static double[] range(Tile[] tiles) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Tile t : tiles) {
            for (double v : t.pixels()) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {0, 1};
    }
}
