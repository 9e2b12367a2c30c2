package dev.alive.bench;

import java.util.ArrayList;
import java.util.List;

/** The results as a fixed-width text table (and, pasted into BENCHMARKS.md, as Markdown). */
final class Table {

    private static final String[] HEADER = {"scenario", "metric", "median", "min", "max", "unit", "peak RSS MB",
            "target", "verdict"};

    private Table() {
    }

    static String render(List<Result> results) {
        var rows = new ArrayList<String[]>();
        rows.add(HEADER);
        for (var r : results) {
            rows.add(new String[] {r.scenario(), r.metric(), Result.format(r.median()), Result.format(r.min()),
                    Result.format(r.max()), r.unit(), r.peakRssKb() < 0 ? "" : String.valueOf(Math.round(r.peakRssKb() / 1024.0)),
                    r.target(), r.verdict()});
        }
        var widths = new int[HEADER.length];
        for (var row : rows) {
            for (var i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        var out = new StringBuilder();
        for (var n = 0; n < rows.size(); n++) {
            var row = rows.get(n);
            out.append('|');
            for (var i = 0; i < row.length; i++) {
                var numeric = i >= 2 && i <= 4 || i == 6;
                out.append(' ').append(numeric ? pad(row[i], widths[i], true) : pad(row[i], widths[i], false)).append(" |");
            }
            out.append('\n');
            if (n == 0) {
                out.append('|');
                for (var width : widths) {
                    out.append("-".repeat(width + 2)).append('|');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String pad(String text, int width, boolean right) {
        var fill = " ".repeat(width - text.length());
        return right ? fill + text : text + fill;
    }
}
