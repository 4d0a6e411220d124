package dev.jnn.plot;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/** The look every chart shares: matplotlib's tab10 colours, white ground, light grid, readable fonts. */
final class Style {
    /** Chart size in pixels: 8×6 inches at 100 dpi, matplotlib's default figure. */
    static final int WIDTH = 800;
    static final int HEIGHT = 600;

    private static final Color[] TAB10 = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private Style() {
    }

    /** The colour of class or series {@code i}. */
    static Color color(int i) {
        return TAB10[Math.floorMod(i, TAB10.length)];
    }

    /** The colour of class {@code i}'s region: its colour mixed with white. */
    static Color light(int i) {
        Color c = color(i);
        return new Color(mix(c.getRed()), mix(c.getGreen()), mix(c.getBlue()));
    }

    private static int mix(int channel) {
        return (int) Math.round(channel * 0.35 + 255 * 0.65);
    }

    /** A line stroke of the given width. */
    static BasicStroke stroke(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    /** Applies the shared look to an XY chart and returns it. */
    static JFreeChart xy(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        TextTitle title = chart.getTitle();
        if (title != null) {
            title.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        }
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(new Color(0xdddddd));
            plot.setRangeGridlinePaint(new Color(0xdddddd));
            plot.setOutlinePaint(Color.GRAY);
        }
        return chart;
    }
}
