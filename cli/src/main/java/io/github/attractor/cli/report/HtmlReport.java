package io.github.attractor.cli.report;

import io.github.attractor.cli.repro.ReproResult;
import io.github.attractor.cli.repro.Row;
import io.github.attractor.data.io.AtomicFiles;
import java.nio.file.Path;
import java.util.List;

/** A self-contained HTML page of sections with text, tables and images (paths relative to the page). */
public final class HtmlReport {
    private final StringBuilder body = new StringBuilder();
    private final String title;

    public HtmlReport(String title) {
        this.title = title;
    }

    public HtmlReport section(String heading, String text) {
        body.append("<h2>").append(esc(heading)).append("</h2>\n");
        if (text != null && !text.isBlank()) {
            body.append("<p>").append(esc(text)).append("</p>\n");
        }
        return this;
    }

    public HtmlReport paragraph(String text) {
        body.append("<p>").append(esc(text)).append("</p>\n");
        return this;
    }

    public HtmlReport preformatted(String text) {
        body.append("<pre>").append(esc(text)).append("</pre>\n");
        return this;
    }

    public HtmlReport image(Path relative, String caption) {
        body.append("<figure><img src=\"").append(esc(relative.toString().replace('\\', '/'))).append("\" alt=\"")
                .append(esc(caption)).append("\"><figcaption>").append(esc(caption)).append("</figcaption></figure>\n");
        return this;
    }

    /** A reproduction: its table and images. */
    public HtmlReport reproduction(String heading, ReproResult r, Path pageDir) {
        section(heading, r.summary());
        body.append("<table><tr><th>case</th><th>metric</th><th>paper</th><th>measured</th><th>sd</th></tr>\n");
        for (Row row : r.rows()) {
            body.append("<tr><td>").append(esc(row.caseName())).append("</td><td>").append(esc(row.metric()))
                    .append("</td><td>").append(row.paper() == null ? "&ndash;" : fmt(row.paper())).append("</td><td>")
                    .append(fmt(row.measured())).append("</td><td>").append(row.sd() == null ? "&ndash;" : fmt(row.sd()))
                    .append("</td></tr>\n");
        }
        body.append("</table>\n");
        for (Path img : r.images()) {
            image(pageDir.toAbsolutePath().relativize(img.toAbsolutePath()), img.getFileName().toString());
        }
        return this;
    }

    public HtmlReport table(List<String> header, List<List<String>> rows) {
        body.append("<table><tr>");
        header.forEach(h -> body.append("<th>").append(esc(h)).append("</th>"));
        body.append("</tr>\n");
        for (List<String> r : rows) {
            body.append("<tr>");
            r.forEach(c -> body.append("<td>").append(esc(c)).append("</td>"));
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    public void write(Path file) {
        String page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + esc(title)
                + "</title>\n<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}"
                + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;"
                + "font-size:13px;text-align:left}th{background:#f0f0f0}img{max-width:100%;border:1px solid #ddd}"
                + "figure{margin:1em 0}figcaption{font-size:12px;color:#666}pre{background:#f7f7f7;padding:8px;"
                + "overflow-x:auto}</style></head><body>\n<h1>" + esc(title) + "</h1>\n" + body + "</body></html>\n";
        AtomicFiles.writeString(file, page);
    }

    static String fmt(double v) {
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (v == Math.rint(v) && a < 1e9) {
            return Long.toString((long) v);
        }
        return a >= 1e-3 && a < 1e5 ? String.format("%.5g", v) : String.format("%.3e", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
