package dev.alive.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One line of the table: a measured quantity of a scenario, every run's value, and the target it
 * is held against (if any).
 *
 * @param values one per measured run (warm-up runs are not included)
 * @param peakRssKb the largest peak RSS of the measured runs, -1 when unknown or not a process
 * @param verdict "met", "MISSED" or "" (no target)
 */
record Result(String scenario, String metric, String unit, double[] values, long peakRssKb, String target,
              String verdict, String note) {

    double median() {
        return median(values);
    }

    static double median(double[] values) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        var n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    double min() {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    double max() {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        var magnitude = Math.abs(value);
        return String.format(Locale.ROOT, magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f",
                value);
    }

    String json() {
        return "{\"scenario\": " + Json.quote(scenario) + ", \"metric\": " + Json.quote(metric) + ", \"unit\": "
                + Json.quote(unit) + ", \"median\": " + Json.number(median()) + ", \"min\": " + Json.number(min())
                + ", \"max\": " + Json.number(max()) + ", \"runs\": ["
                + Arrays.stream(values).mapToObj(Json::number).collect(Collectors.joining(", ")) + "], \"peakRssKb\": "
                + (peakRssKb < 0 ? "null" : peakRssKb) + ", \"target\": " + Json.quote(target) + ", \"verdict\": "
                + Json.quote(verdict) + ", \"note\": " + Json.quote(note) + "}";
    }

    static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }

    static double[] of(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
