package io.github.attractor.cli.plot;

import io.github.attractor.core.error.InvalidInputException;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

/**
 * A grid of grayscale images (cues, retrieved memories, targets) with a label per row and a title per
 * column, as a PNG. Each image is a row-major {@code height × width} vector; values are mapped linearly from
 * {@code [lo, hi]} to black..white and clipped. Drawn with Java2D because XChart has no image plots.
 */
public final class ImageGrid {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final int LABEL_WIDTH = 150;
    private static final int TITLE_HEIGHT = 26;
    private static final int GAP = 6;

    private ImageGrid() {
    }

    /** One row of the grid: its label and its images (null entries leave a blank cell). */
    public record Row(String label, List<double[]> images) {
    }

    /**
     * Writes the grid. {@code scale} pixels per image pixel; {@code columnTitles} may be shorter than the
     * widest row (missing titles are blank).
     */
    public static void save(Path file, String title, List<String> columnTitles, List<Row> rows, int height, int width,
            double lo, double hi, int scale) {
        if (height <= 0 || width <= 0 || scale <= 0 || !(hi > lo)) {
            throw new InvalidInputException("image grid: bad geometry " + height + "x" + width + " scale " + scale
                    + " range [" + lo + ", " + hi + "]");
        }
        int cols = 0;
        for (Row r : rows) {
            cols = Math.max(cols, r.images().size());
            for (double[] im : r.images()) {
                if (im != null && im.length != height * width) {
                    throw new InvalidInputException("image grid: row '" + r.label() + "' has an image of " + im.length
                            + " values, expected " + height + "x" + width);
                }
            }
        }
        int cw = width * scale;
        int ch = height * scale;
        int w = LABEL_WIDTH + cols * (cw + GAP) + GAP;
        int h = 2 * TITLE_HEIGHT + rows.size() * (ch + GAP) + GAP;
        BufferedImage img = new BufferedImage(Math.max(w, 320), h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(title, GAP, 18);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int c = 0; c < Math.min(cols, columnTitles.size()); c++) {
            g.drawString(columnTitles.get(c), LABEL_WIDTH + c * (cw + GAP), TITLE_HEIGHT + 16);
        }
        for (int r = 0; r < rows.size(); r++) {
            int y0 = 2 * TITLE_HEIGHT + r * (ch + GAP);
            g.setColor(Color.BLACK);
            g.drawString(rows.get(r).label(), GAP, y0 + ch / 2 + 4);
            List<double[]> ims = rows.get(r).images();
            for (int c = 0; c < ims.size(); c++) {
                double[] im = ims.get(c);
                if (im == null) {
                    continue;
                }
                int x0 = LABEL_WIDTH + c * (cw + GAP);
                for (int i = 0; i < height; i++) {
                    for (int j = 0; j < width; j++) {
                        double v = (im[i * width + j] - lo) / (hi - lo);
                        int gray = (int) Math.round(255 * Math.max(0, Math.min(1, Double.isFinite(v) ? v : 0)));
                        g.setColor(new Color(gray, gray, gray));
                        g.fillRect(x0 + j * scale, y0 + i * scale, scale, scale);
                    }
                }
                g.setColor(Color.GRAY);
                g.drawRect(x0 - 1, y0 - 1, cw + 1, ch + 1);
            }
        }
        g.dispose();
        Png.write(img, file);
    }
}
