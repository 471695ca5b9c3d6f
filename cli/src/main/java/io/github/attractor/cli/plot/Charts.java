package io.github.attractor.cli.plot;

import io.github.attractor.core.error.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** XChart line and scatter charts with the project's look, written as PNG. */
public final class Charts {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** A line chart with the given titles; {@code logY} for a log-scale ordinate. */
    public static XYChart lines(String title, String xTitle, String yTitle, boolean logY) {
        XYChart c = new XYChartBuilder().width(760).height(460).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle)
                .build();
        c.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setMarkerSize(5);
        c.getStyler().setYAxisLogarithmic(logY);
        c.getStyler().setPlotGridLinesVisible(true);
        return c;
    }

    /** Adds a line series (no markers); points with non-finite or, on log axes, non-positive y are dropped. */
    public static XYSeries addLine(XYChart c, String name, double[] x, double[] y) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        boolean log = c.getStyler().isYAxisLogarithmic();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(x[i]) && Double.isFinite(y[i]) && (!log || y[i] > 0)) {
                xs.add(x[i]);
                ys.add(y[i]);
            }
        }
        if (xs.isEmpty()) {
            xs.add(0.0);
            ys.add(log ? 1.0 : 0.0);
        }
        XYSeries s = c.addSeries(name, xs, ys);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    /** Adds a series drawn with markers only. */
    public static XYSeries addPoints(XYChart c, String name, double[] x, double[] y) {
        XYSeries s = addLine(c, name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        return s;
    }

    /** Writes a chart as PNG (parent directories created). */
    public static void save(Chart<?, ?> chart, Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            String name = file.toString();
            String base = name.endsWith(".png") ? name.substring(0, name.length() - 4) : name;
            BitmapEncoder.saveBitmap(chart, base, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot write plot (" + e.getMessage() + ")");
        }
    }
}
