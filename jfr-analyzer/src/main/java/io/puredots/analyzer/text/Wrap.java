package io.puredots.analyzer.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks a line into lines of at most a given width for a terminal: after a {@code "; "} where
 * one fits (the report's list separator, so that each cause stays whole where it can), else after
 * a {@code ", "} in the second half of the line, else at the last space; a word longer than the
 * width stays whole on its own line. Stateless.
 */
public final class Wrap {
    private Wrap() {
    }

    /**
     * The lines of {@code s}, each at most {@code width} characters unless one word is longer;
     * breaks drop the space they happen at. One line (the text itself) when it fits.
     *
     * @param width at least 1
     */
    public static List<String> lines(String s, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width " + width);
        }
        List<String> out = new ArrayList<>();
        String rest = s;
        while (rest.length() > width) {
            int cut = breakAt(rest, width);
            if (cut <= 0) {
                break;
            }
            out.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        out.add(rest);
        return out;
    }

    /** Where to end the first line of {@code s} (exclusive), or -1 if it cannot break. */
    private static int breakAt(String s, int width) {
        int semi = s.lastIndexOf("; ", width - 1);
        if (semi > 0) {
            return semi + 1;
        }
        int comma = s.lastIndexOf(", ", width - 1);
        if (comma >= width / 2) {
            return comma + 1;
        }
        int space = s.lastIndexOf(' ', width);
        if (space > 0) {
            return space;
        }
        return s.indexOf(' ', width);
    }
}
