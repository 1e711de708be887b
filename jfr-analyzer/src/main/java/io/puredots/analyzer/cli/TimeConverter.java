package io.puredots.analyzer.cli;

import io.puredots.analyzer.stats.Window;
import picocli.CommandLine.ITypeConverter;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A time option's value ({@code --from}, {@code --to}): an offset from the recording start with a
 * unit ({@code 30s}, {@code 1.5min}, {@code 250ms}, {@code 500us}, {@code 1h}) or an ISO instant
 * ({@code 2026-11-27T12:00:05Z}; without a zone: UTC, so a report does not depend on where it
 * runs). A bad value is a {@link Cli.BadValueException}, which {@link Cli} prints as one line after
 * the option's name. Stateless.
 */
final class TimeConverter implements ITypeConverter<Window.Time> {
    private static final Pattern OFFSET = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|ms|s|min|m|h)");

    @Override
    public Window.Time convert(String text) {
        String t = text.strip();
        Matcher m = OFFSET.matcher(t);
        if (m.matches()) {
            double v = Double.parseDouble(m.group(1));
            double unit;
            switch (m.group(2)) {
                case "ns": unit = 1; break;
                case "us": unit = 1e3; break;
                case "ms": unit = 1e6; break;
                case "s": unit = 1e9; break;
                case "m":
                case "min": unit = 60e9; break;
                default: unit = 3600e9; break;
            }
            return Window.Time.after(Duration.ofNanos(Math.round(v * unit)));
        }
        try {
            return at(Instant.parse(t));
        } catch (DateTimeException e) {
            try {
                return at(LocalDateTime.parse(t).toInstant(ZoneOffset.UTC));
            } catch (DateTimeException e2) {
                throw new Cli.BadValueException("needs an offset such as '30s' or an instant such as "
                        + "'2026-11-27T12:00:05Z', got '" + text + "'");
            }
        }
    }

    private static Window.Time at(Instant i) {
        return Window.Time.at(i.getEpochSecond() * 1_000_000_000L + i.getNano());
    }
}
