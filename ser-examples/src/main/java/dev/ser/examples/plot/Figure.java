package dev.ser.examples.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.List;

/**
 * One figure being drawn: the image, the layout (plot area, optional colour bar and right-hand
 * axis) and the decorations (title, frame, ticks, labels). Plots create it, draw their data into
 * {@link #plot}, then call {@link #finish()}.
 *
 * <p>The layout is measured from the fonts: the margins are exactly as wide as the tick labels and
 * axis labels need, so any image size from {@link PlotStyle#MIN_WIDTH} up keeps readable text.
 * Rendering hints are fixed so that the same input gives the same pixels.
 */
final class Figure {
    static final Color TEXT = new Color(0x202020);
    static final Color FRAME = new Color(0x505050);
    static final Color GRID = new Color(0xE3E3E3);
    private static final int TICK = 5;
    private static final int GAP = 4;

    final PlotStyle style;
    final BufferedImage image;
    final Graphics2D g;
    final Axis x;
    final Axis y;
    final Axis right;
    final Axis bar;
    private final String title;
    private final Font tickFont;
    private final Font labelFont;
    private final FontMetrics tickFm;
    private final FontMetrics labelFm;
    private final int pad;

    /** Where the data go. */
    Rectangle plot;
    /** The colour bar, or null. */
    Rectangle colorBar;
    List<Axis.Tick> xTicks;
    List<Axis.Tick> yTicks;
    List<Axis.Tick> rightTicks = List.of();
    List<Axis.Tick> barTicks = List.of();
    private boolean rotateX;

    /**
     * @param right  a second vertical axis on the right (for a second curve), or null
     * @param bar    the scale of a colour bar drawn right of the plot, or null
     * @param square make the plot area square (cells of a confusion matrix)
     */
    Figure(PlotStyle style, String title, Axis x, Axis y, Axis right, Axis bar, boolean square) {
        this.style = style;
        this.title = title == null ? "" : title;
        this.x = x;
        this.y = y;
        this.right = right;
        this.bar = bar;
        this.image = new BufferedImage(style.width(), style.height(), BufferedImage.TYPE_INT_RGB);
        this.g = image.createGraphics();
        // axis-aligned lines (frame, ticks, grid, cells) stay crisp without antialiasing; curves
        // switch it on for themselves (smoothCurves)
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, style.width(), style.height());
        this.tickFont = style.tickFont();
        this.labelFont = style.labelFont();
        this.tickFm = g.getFontMetrics(tickFont);
        this.labelFm = g.getFontMetrics(labelFont);
        this.pad = Math.max(6, style.tickFontSize() * 2 / 3);
        layout(square);
    }

    private int barWidth() {
        return Math.max(12, style.width() / 50);
    }

    private void layout(boolean square) {
        FontMetrics titleFm = g.getFontMetrics(style.titleFont());
        int top = pad + (title.isEmpty() ? labelFm.getHeight() / 2 : titleFm.getHeight() + pad);
        int extraBottom = 0;
        for (int pass = 0; pass < 2; pass++) {
            int bottom = pad + labelFm.getHeight() + GAP + tickFm.getHeight() + extraBottom + TICK + GAP;
            int plotH = style.height() - top - bottom;
            requireRoom(plotH);
            yTicks = Ticks.forAxis(y, plotH, tickFm, false);
            int left = pad + labelFm.getHeight() + GAP + maxWidth(yTicks) + TICK + GAP;
            int rightMargin = pad + tickFm.stringWidth("0") * 2;
            if (right != null) {
                rightTicks = Ticks.forAxis(right, plotH, tickFm, false);
                rightMargin = pad + TICK + GAP + maxWidth(rightTicks) + GAP + labelFm.getHeight();
            }
            if (bar != null) {
                barTicks = Ticks.forAxis(bar, plotH, tickFm, false);
                rightMargin = pad + 2 * GAP + barWidth() + TICK + GAP + maxWidth(barTicks) + GAP + labelFm.getHeight()
                        + (right != null ? rightMargin - pad : 0);
            }
            int plotW = style.width() - left - rightMargin;
            requireRoom(plotW);
            plot = new Rectangle(left, top, plotW, plotH);
            if (square) {
                int side = Math.min(plotW, plotH);
                plot = new Rectangle(left + (plotW - side) / 2, top + (plotH - side) / 2, side, side);
            }
            xTicks = Ticks.forAxis(x, plot.width, tickFm, true);
            if (pass == 0 && x.rotateCrowded() && Ticks.crowded(x, xTicks, plot.width, tickFm, true)) {
                rotateX = true;
                double diagonal = Math.sqrt(0.5);
                extraBottom = (int) Math.ceil((maxWidth(xTicks) + tickFm.getHeight()) * diagonal) - tickFm.getHeight();
            } else {
                break;
            }
        }
        if (bar != null) {
            int barX = plot.x + plot.width + 2 * GAP + (right != null ? rightAxisWidth() : 0);
            colorBar = new Rectangle(barX, plot.y, barWidth(), plot.height);
        }
    }

    private int rightAxisWidth() {
        return TICK + GAP + maxWidth(rightTicks) + GAP + labelFm.getHeight() + pad;
    }

    private void requireRoom(int pixels) {
        if (pixels < 40) {
            throw new IllegalArgumentException("a " + style.width() + "x" + style.height()
                    + " image leaves no room for the data with " + style.tickFontSize() + "/" + style.labelFontSize()
                    + " pt fonts; make it larger or the fonts smaller");
        }
    }

    private int maxWidth(List<Axis.Tick> ticks) {
        int w = 0;
        for (Axis.Tick t : ticks) {
            w = Math.max(w, tickFm.stringWidth(t.text()));
        }
        return w;
    }

    /** The horizontal pixel coordinate of data value {@code v} (fractional). */
    double xPixel(double v) {
        return plot.x + x.fraction(v) * plot.width;
    }

    /** The vertical pixel coordinate of data value {@code v} on the left axis (fractional). */
    double yPixel(double v) {
        return plot.y + plot.height - y.fraction(v) * plot.height;
    }

    /** The vertical pixel coordinate of {@code v} on the right axis. */
    double rightPixel(double v) {
        return plot.y + plot.height - right.fraction(v) * plot.height;
    }

    /** The data value on the left axis at pixel row {@code py} (centre of the pixel). */
    double yValueAt(int py) {
        double f = (plot.y + plot.height - (py + 0.5)) / plot.height;
        return y.lo() + f * (y.hi() - y.lo());
    }

    /** Antialiasing on or off for shapes drawn from now on (text is always antialiased). */
    void smoothCurves(boolean on) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING,
                on ? RenderingHints.VALUE_ANTIALIAS_ON : RenderingHints.VALUE_ANTIALIAS_OFF);
    }

    /** Light grid lines at the ticks of both axes, under the data. */
    void drawGrid() {
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1f));
        for (Axis.Tick t : xTicks) {
            int px = (int) Math.round(xPixel(t.value()));
            g.drawLine(px, plot.y, px, plot.y + plot.height - 1);
        }
        for (Axis.Tick t : yTicks) {
            int py = (int) Math.round(yPixel(t.value()));
            g.drawLine(plot.x, py, plot.x + plot.width - 1, py);
        }
    }

    /** Draws the decorations and returns the finished image; the figure must not be used afterwards. */
    BufferedImage finish() {
        g.setClip(null);
        smoothCurves(false);
        g.setStroke(new BasicStroke(1f));
        drawTitle();
        drawFrameAndTicks();
        if (colorBar != null) {
            drawColorBar();
        }
        g.dispose();
        return image;
    }

    private void drawTitle() {
        if (title.isEmpty()) {
            return;
        }
        // shrink a long title (a file name) until it fits instead of cutting it off
        Font font = style.titleFont();
        FontMetrics fm = g.getFontMetrics(font);
        while (fm.stringWidth(title) > style.width() - 2 * pad && font.getSize() > 8) {
            font = font.deriveFont((float) font.getSize() - 1);
            fm = g.getFontMetrics(font);
        }
        g.setFont(font);
        g.setColor(TEXT);
        double centre = Math.min(Math.max(plot.getCenterX(), pad + fm.stringWidth(title) / 2.0),
                style.width() - pad - fm.stringWidth(title) / 2.0);
        text(title, centre, pad, 0.5, 0);
    }

    private void drawFrameAndTicks() {
        g.setColor(FRAME);
        g.drawRect(plot.x - 1, plot.y - 1, plot.width + 1, plot.height + 1);
        g.setFont(tickFont);
        int bottom = plot.y + plot.height;
        for (Axis.Tick t : xTicks) {
            int px = (int) Math.round(xPixel(t.value()));
            g.setColor(FRAME);
            g.drawLine(px, bottom, px, bottom + TICK);
            g.setColor(TEXT);
            if (rotateX) {
                rotatedText(t.text(), px + tickFm.getAscent() / 3.0, bottom + TICK + GAP, -Math.PI / 4, 1, 0);
            } else {
                double half = tickFm.stringWidth(t.text()) / 2.0;
                double cx = Math.min(Math.max(px, half + 1), style.width() - half - 1);
                text(t.text(), cx, bottom + TICK + GAP, 0.5, 0);
            }
        }
        for (Axis.Tick t : yTicks) {
            int py = (int) Math.round(yPixel(t.value()));
            g.setColor(FRAME);
            g.drawLine(plot.x - 1 - TICK, py, plot.x - 1, py);
            g.setColor(TEXT);
            text(t.text(), plot.x - 1 - TICK - GAP, py, 1, 0.5);
        }
        int rightEdge = plot.x + plot.width;
        for (Axis.Tick t : rightTicks) {
            int py = (int) Math.round(rightPixel(t.value()));
            g.setColor(FRAME);
            g.drawLine(rightEdge, py, rightEdge + TICK, py);
            g.setColor(TEXT);
            text(t.text(), rightEdge + TICK + GAP, py, 0, 0.5);
        }
        g.setColor(TEXT);
        fitLabelFont(x.label(), style.width() - 2 * pad);
        text(x.label(), plot.getCenterX(), style.height() - pad, 0.5, 1);
        // measured from the plot, not the image edge, so that it stays beside a centred square plot
        double yLabelX = plot.x - 1 - TICK - GAP - maxWidth(yTicks) - GAP - labelFm.getHeight();
        fitLabelFont(y.label(), verticalRoom());
        rotatedText(y.label(), yLabelX, verticalCentre(y.label()), -Math.PI / 2, 0.5, 0);
        if (right != null) {
            double lx = rightEdge + TICK + GAP + maxWidth(rightTicks) + GAP;
            fitLabelFont(right.label(), verticalRoom());
            rotatedText(right.label(), lx, verticalCentre(right.label()), -Math.PI / 2, 0.5, 0);
        }
    }

    private void drawColorBar() {
        Rectangle r = colorBar;
        int[] table = style.colorMap().table();
        int[] line = new int[r.width];
        WritableRaster raster = image.getRaster();
        for (int row = 0; row < r.height; row++) {
            double f = 1 - (row + 0.5) / r.height;
            java.util.Arrays.fill(line, table[ColorMap.index(f)]);
            raster.setDataElements(r.x, r.y + row, r.width, 1, line);
        }
        g.setColor(FRAME);
        g.drawRect(r.x - 1, r.y - 1, r.width + 1, r.height + 1);
        g.setFont(tickFont);
        int tickX = r.x + r.width;
        int widest = 0;
        for (Axis.Tick t : barTicks) {
            int py = (int) Math.round(r.y + r.height - bar.fraction(t.value()) * r.height);
            g.setColor(FRAME);
            g.drawLine(tickX, py, tickX + TICK, py);
            g.setColor(TEXT);
            text(t.text(), tickX + TICK + GAP, py, 0, 0.5);
            widest = Math.max(widest, tickFm.stringWidth(t.text()));
        }
        fitLabelFont(bar.label(), verticalRoom());
        rotatedText(bar.label(), tickX + TICK + GAP + widest + GAP, verticalCentre(bar.label()), -Math.PI / 2, 0.5, 0);
    }

    /** The height available to a vertical label: the whole image below the title line. */
    private int verticalRoom() {
        return style.height() - 2 * pad;
    }

    /**
     * Centre of a vertical label: level with the plot's centre unless the label is longer than
     * the plot, then moved so that it stays inside the image.
     */
    private double verticalCentre(String label) {
        double half = g.getFontMetrics().stringWidth(label) / 2.0;
        return Math.min(Math.max(plot.getCenterY(), pad + half), style.height() - pad - half);
    }

    /** Selects the label font, smaller (down to 8 pt) if {@code label} is wider than {@code room}. */
    private void fitLabelFont(String label, int room) {
        Font font = labelFont;
        while (g.getFontMetrics(font).stringWidth(label) > room && font.getSize() > 8) {
            font = font.deriveFont((float) font.getSize() - 1);
        }
        g.setFont(font);
    }

    /**
     * Draws {@code s} with the current font so that the point ({@code ax}, {@code ay}) is at the
     * fraction ({@code h}, {@code v}) of its box: (0, 0) top left, (0.5, 0.5) centre, (1, 1) bottom right.
     */
    void text(String s, double ax, double ay, double h, double v) {
        FontMetrics fm = g.getFontMetrics();
        float left = (float) (ax - h * fm.stringWidth(s));
        float baseline = (float) (ay - v * (fm.getAscent() + fm.getDescent()) + fm.getAscent());
        g.drawString(s, Math.round(left), Math.round(baseline));
    }

    /** {@link #text} rotated by {@code angle} radians about the anchor point. */
    void rotatedText(String s, double ax, double ay, double angle, double h, double v) {
        AffineTransform saved = g.getTransform();
        g.translate(ax, ay);
        g.rotate(angle);
        text(s, 0, 0, h, v);
        g.setTransform(saved);
    }
}
