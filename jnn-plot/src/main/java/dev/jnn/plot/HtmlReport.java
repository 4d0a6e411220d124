package dev.jnn.plot;

import dev.jnn.util.AtomicFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of a run as one self-contained HTML page: the command line, the parameters, the metrics, the text
 * report (such as the classification report and the confusion matrix) and every figure, embedded as PNG data so that
 * the page works offline and wherever it is copied.
 */
public final class HtmlReport {
    private final String title;
    private final String command;
    private final Map<String, Object> params = new LinkedHashMap<>();
    private final Map<String, Object> metrics = new LinkedHashMap<>();
    private String text;
    private final Map<String, Figure> figures = new LinkedHashMap<>();

    /** A report titled {@code title} of the run started by {@code command}. */
    public HtmlReport(String title, String command) {
        this.title = title;
        this.command = command;
    }

    /** Adds the parameters, shown as a table. */
    public HtmlReport params(Map<String, ?> values) {
        params.putAll(values);
        return this;
    }

    /** Adds one metric. */
    public HtmlReport metric(String name, Object value) {
        metrics.put(name, value);
        return this;
    }

    /** Sets the preformatted text (the classification report, the confusion matrix). */
    public HtmlReport text(String value) {
        this.text = value;
        return this;
    }

    /** Adds figures, shown in order. */
    public HtmlReport figures(List<Figure> list) {
        list.forEach(f -> figures.put(f.kind(), f));
        return this;
    }

    /** The page. */
    public String html() {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escape(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1700px;padding:0 1em;color:#222}\n")
                .append("h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.5em;border-bottom:1px solid #ddd}\n")
                .append("code,pre{background:#f6f6f6;padding:.2em .4em;border-radius:3px}pre{padding:1em;overflow:auto}\n")
                .append("table{border-collapse:collapse}td,th{padding:.2em .8em;border-bottom:1px solid #eee;text-align:left}\n")
                .append(".figures{display:flex;flex-wrap:wrap;gap:1.5em}.figures figure{margin:0}\n")
                .append(".figures img{max-width:100%;border:1px solid #ddd}figcaption{font-size:.9em;color:#555}\n")
                .append("</style>\n</head>\n<body>\n<h1>").append(escape(title)).append("</h1>\n")
                .append("<p><code id=\"command\">").append(escape(command)).append("</code></p>\n");
        if (!metrics.isEmpty()) {
            b.append("<h2>Metrics</h2>\n").append(table("metrics", metrics));
        }
        if (text != null) {
            b.append("<h2>Report</h2>\n<pre id=\"report\">").append(escape(text)).append("</pre>\n");
        }
        if (!figures.isEmpty()) {
            b.append("<h2>Figures</h2>\n<div class=\"figures\">\n");
            for (Figure f : figures.values()) {
                b.append("<figure><img alt=\"").append(escape(f.kind())).append("\" src=\"data:image/png;base64,")
                        .append(Base64.getEncoder().encodeToString(f.png())).append("\"><figcaption>")
                        .append(escape(f.kind())).append(".png</figcaption></figure>\n");
            }
            b.append("</div>\n");
        }
        if (!params.isEmpty()) {
            b.append("<h2>Parameters</h2>\n").append(table("params", params));
        }
        return b.append("</body>\n</html>\n").toString();
    }

    /** Writes the page as {@code dir/index.html}, atomically. */
    public Path write(Path dir) throws IOException {
        Path file = dir.resolve("index.html");
        AtomicFiles.write(file, html().getBytes(StandardCharsets.UTF_8));
        return file;
    }

    private static String table(String id, Map<String, Object> rows) {
        StringBuilder b = new StringBuilder("<table id=\"" + id + "\">\n");
        rows.forEach((k, v) -> b.append("<tr><th>").append(escape(k)).append("</th><td>").append(escape(text(v)))
                .append("</td></tr>\n"));
        return b.append("</table>\n").toString();
    }

    private static String text(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.6g", d);
        }
        if (v instanceof int[] a) {
            return java.util.Arrays.toString(a);
        }
        return String.valueOf(v);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
