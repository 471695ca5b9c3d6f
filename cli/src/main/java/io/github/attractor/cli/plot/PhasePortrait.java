package io.github.attractor.cli.plot;

import io.github.attractor.core.energy.Energy;
import io.github.attractor.core.field.VectorField;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Phase portraits of planar fields: a quiver of the vector field over energy level sets (when the field has
 * an energy), optionally with its nullclines ({@code f₁ = 0} red-brown, {@code f₂ = 0} green, by marching
 * squares at level 0), polylines (trajectories, lines of fixed points), filled marks (stable points) and open
 * marks (unstable points). Drawn with
 * Java2D because XChart has neither quiver nor contour plots. Level sets come from marching squares on
 * a grid, at levels spaced by quantiles of the sampled energy, so a flat region shows as a region with
 * no level lines at all — the point of Figure 1.
 */
public final class PhasePortrait {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final int GRID = 160;
    private static final int ARROWS = 19;
    private static final int LEVELS = 24;

    private PhasePortrait() {
    }

    /**
     * One panel: a field, its energy (null for none), the window, the points to mark filled (steady states,
     * stable ones), whether to draw nullclines, points to mark open (unstable ones) and polylines.
     */
    public record Panel(String title, VectorField field, Energy energy, double xMin, double xMax, double yMin,
            double yMax, List<double[]> marks, boolean nullclines, List<double[]> openMarks, List<double[][]> curves,
            List<double[][]> references) {

        /** A panel without reference curves. */
        public Panel(String title, VectorField field, Energy energy, double xMin, double xMax, double yMin, double yMax,
                List<double[]> marks, boolean nullclines, List<double[]> openMarks, List<double[][]> curves) {
            this(title, field, energy, xMin, xMax, yMin, yMax, marks, nullclines, openMarks, curves, List.of());
        }

        /** A panel with energy level sets and filled marks only. */
        public Panel(String title, VectorField field, Energy energy, double xMin, double xMax, double yMin, double yMax,
                List<double[]> marks) {
            this(title, field, energy, xMin, xMax, yMin, yMax, marks, false, List.of(), List.of());
        }
    }

    /** Draws the panels side by side and writes a PNG. */
    public static void save(Path file, List<Panel> panels) {
        save(file, panels, Math.max(1, panels.size()));
    }

    /** Draws the panels in rows of {@code columns} and writes a PNG. */
    public static void save(Path file, List<Panel> panels, int columns) {
        int w = 520;
        int h = 540;
        int cols = Math.max(1, Math.min(columns, panels.size()));
        int rows = Math.max(1, (panels.size() + cols - 1) / cols);
        BufferedImage img = new BufferedImage(w * cols, h * rows, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        for (int i = 0; i < panels.size(); i++) {
            Graphics2D sub = (Graphics2D) g.create((i % cols) * w, (i / cols) * h, w, h);
            draw(sub, panels.get(i), w, h);
            sub.dispose();
        }
        g.dispose();
        Png.write(img, file);
    }

    private static void drawCurve(Graphics2D g, Frame fr, double[][] c) {
        Path2D.Double path = new Path2D.Double();
        for (int k = 0; k < c.length; k++) {
            double px = clamp(fr.px(c[k][0]), fr.left - 2, fr.left + fr.size + 2);
            double py = clamp(fr.py(c[k][1]), fr.top - 2, fr.top + fr.size + 2);
            if (k == 0) {
                path.moveTo(px, py);
            } else {
                path.lineTo(px, py);
            }
        }
        g.draw(path);
    }

    private static void draw(Graphics2D g, Panel p, int w, int h) {
        int left = 60;
        int top = 40;
        int size = Math.min(w - left - 20, h - top - 60);
        Frame fr = new Frame(p, left, top, size);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.drawString(p.title(), left, 24);
        if (p.energy() != null) {
            drawLevelSets(g, p, fr);
        }
        drawQuiver(g, p, fr);
        if (p.nullclines()) {
            drawNullclines(g, p, fr);
        }
        g.setStroke(new BasicStroke(3.0f));
        g.setColor(new Color(30, 30, 30));
        for (double[][] c : p.references()) {
            drawCurve(g, fr, c);
        }
        g.setStroke(new BasicStroke(2.2f));
        g.setColor(new Color(200, 40, 160));
        for (double[][] c : p.curves()) {
            drawCurve(g, fr, c);
        }
        g.setColor(new Color(200, 30, 30));
        for (double[] m : p.marks()) {
            int px = (int) Math.round(fr.px(m[0]));
            int py = (int) Math.round(fr.py(m[1]));
            g.fillOval(px - 5, py - 5, 10, 10);
        }
        g.setStroke(new BasicStroke(2f));
        for (double[] m : p.openMarks()) {
            int px = (int) Math.round(fr.px(m[0]));
            int py = (int) Math.round(fr.py(m[1]));
            g.setColor(Color.WHITE);
            g.fillOval(px - 5, py - 5, 10, 10);
            g.setColor(new Color(200, 30, 30));
            g.drawOval(px - 5, py - 5, 10, 10);
        }
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1.2f));
        g.drawRect(left, top, size, size);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        for (int i = 0; i <= 4; i++) {
            double vx = p.xMin() + (p.xMax() - p.xMin()) * i / 4;
            double vy = p.yMin() + (p.yMax() - p.yMin()) * i / 4;
            int px = (int) fr.px(vx);
            int py = (int) fr.py(vy);
            g.drawLine(px, top + size, px, top + size + 4);
            g.drawString(String.format("%.1f", vx), px - 10, top + size + 17);
            g.drawLine(left - 4, py, left, py);
            g.drawString(String.format("%.1f", vy), left - 34, py + 4);
        }
        g.drawString("y1", left + size / 2, top + size + 34);
        g.drawString("y2", 12, top + size / 2);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Zero level sets of f₁ and f₂. */
    private static void drawNullclines(Graphics2D g, Panel p, Frame fr) {
        double[][] f1 = new double[GRID + 1][GRID + 1];
        double[][] f2 = new double[GRID + 1][GRID + 1];
        double[] x = new double[2];
        double[] v = new double[2];
        for (int i = 0; i <= GRID; i++) {
            for (int j = 0; j <= GRID; j++) {
                x[0] = p.xMin() + (p.xMax() - p.xMin()) * i / GRID;
                x[1] = p.yMin() + (p.yMax() - p.yMin()) * j / GRID;
                p.field().evaluate(0, x, v);
                f1[i][j] = v[0];
                f2[i][j] = v[1];
            }
        }
        g.setStroke(new BasicStroke(2.0f));
        g.setColor(new Color(190, 90, 20));
        contour(g, f1, 0, p, fr);
        g.setColor(new Color(30, 150, 60));
        contour(g, f2, 0, p, fr);
    }

    private static void drawQuiver(Graphics2D g, Panel p, Frame fr) {
        double[] x = new double[2];
        double[] v = new double[2];
        double cell = (double) fr.size / ARROWS;
        g.setStroke(new BasicStroke(1.1f));
        for (int i = 0; i < ARROWS; i++) {
            for (int j = 0; j < ARROWS; j++) {
                x[0] = p.xMin() + (p.xMax() - p.xMin()) * (i + 0.5) / ARROWS;
                x[1] = p.yMin() + (p.yMax() - p.yMin()) * (j + 0.5) / ARROWS;
                p.field().evaluate(0, x, v);
                double norm = Math.hypot(v[0], v[1]);
                if (!(norm > 1e-12)) {
                    continue;
                }
                double len = 0.42 * cell;
                double dx = v[0] / norm * len;
                double dy = -v[1] / norm * len;
                double cx = fr.px(x[0]);
                double cy = fr.py(x[1]);
                float shade = (float) Math.min(1, Math.log1p(norm) / Math.log1p(4));
                g.setColor(new Color(0.15f, 0.25f + 0.3f * (1 - shade), 0.55f + 0.35f * shade));
                double x0 = cx - dx;
                double y0 = cy - dy;
                double x1 = cx + dx;
                double y1 = cy + dy;
                g.draw(new Line2D.Double(x0, y0, x1, y1));
                double ang = Math.atan2(y1 - y0, x1 - x0);
                double head = 0.35 * len;
                Path2D.Double tip = new Path2D.Double();
                tip.moveTo(x1, y1);
                tip.lineTo(x1 - head * Math.cos(ang - 0.45), y1 - head * Math.sin(ang - 0.45));
                tip.lineTo(x1 - head * Math.cos(ang + 0.45), y1 - head * Math.sin(ang + 0.45));
                tip.closePath();
                g.fill(tip);
            }
        }
    }

    private static void drawLevelSets(Graphics2D g, Panel p, Frame fr) {
        double[][] e = new double[GRID + 1][GRID + 1];
        double[] all = new double[(GRID + 1) * (GRID + 1)];
        double[] x = new double[2];
        int k = 0;
        for (int i = 0; i <= GRID; i++) {
            for (int j = 0; j <= GRID; j++) {
                x[0] = p.xMin() + (p.xMax() - p.xMin()) * i / GRID;
                x[1] = p.yMin() + (p.yMax() - p.yMin()) * j / GRID;
                e[i][j] = p.energy().value(x);
                all[k++] = e[i][j];
            }
        }
        Arrays.sort(all);
        g.setStroke(new BasicStroke(1.0f));
        double prev = Double.NaN;
        for (int l = 1; l <= LEVELS; l++) {
            double level = all[(int) ((long) (all.length - 1) * l / (LEVELS + 1))];
            if (level == prev) {
                continue;
            }
            prev = level;
            float t = (float) l / (LEVELS + 1);
            g.setColor(new Color(0.95f - 0.35f * t, 0.55f + 0.2f * t, 0.25f + 0.5f * t));
            contour(g, e, level, p, fr);
        }
    }

    /** Marching squares for one level. */
    private static void contour(Graphics2D g, double[][] e, double level, Panel p, Frame fr) {
        double sx = (p.xMax() - p.xMin()) / GRID;
        double sy = (p.yMax() - p.yMin()) / GRID;
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                double a = e[i][j] - level;
                double b = e[i + 1][j] - level;
                double c = e[i + 1][j + 1] - level;
                double d = e[i][j + 1] - level;
                double[] pts = new double[8];
                int n = 0;
                if ((a < 0) != (b < 0)) {
                    double t = a / (a - b);
                    pts[n++] = i + t;
                    pts[n++] = j;
                }
                if ((b < 0) != (c < 0)) {
                    double t = b / (b - c);
                    pts[n++] = i + 1;
                    pts[n++] = j + t;
                }
                if ((c < 0) != (d < 0)) {
                    double t = c / (c - d);
                    pts[n++] = i + 1 - t;
                    pts[n++] = j + 1;
                }
                if ((d < 0) != (a < 0)) {
                    double t = d / (d - a);
                    pts[n++] = i;
                    pts[n++] = j + 1 - t;
                }
                for (int s = 0; s + 3 < n; s += 4) {
                    g.draw(new Line2D.Double(fr.px(p.xMin() + pts[s] * sx), fr.py(p.yMin() + pts[s + 1] * sy),
                            fr.px(p.xMin() + pts[s + 2] * sx), fr.py(p.yMin() + pts[s + 3] * sy)));
                }
            }
        }
    }

    /** Data-to-pixel mapping of a square plot area. */
    private record Frame(Panel p, int left, int top, int size) {
        double px(double x) {
            return left + (x - p.xMin()) / (p.xMax() - p.xMin()) * size;
        }

        double py(double y) {
            return top + size - (y - p.yMin()) / (p.yMax() - p.yMin()) * size;
        }
    }
}
