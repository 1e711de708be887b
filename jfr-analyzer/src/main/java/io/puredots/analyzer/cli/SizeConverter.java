package io.puredots.analyzer.cli;

import picocli.CommandLine.ITypeConverter;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A size option's value in bytes: a number and a binary unit, {@code 8GB}, {@code 512 MB},
 * {@code 1.5KB}, {@code 1000B} (KB = 1024 bytes), at least 1 byte. A bad value is a
 * {@link Cli.BadValueException}, which {@link Cli} prints as one line after the option's name.
 * Stateless.
 */
final class SizeConverter implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|b|kb|mb|gb)");

    @Override
    public Long convert(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new Cli.BadValueException("needs a size such as '8GB' or '512MB', got '" + text + "'");
        }
        long unit;
        switch (m.group(2).toUpperCase(Locale.ROOT)) {
            case "KB": unit = 1L << 10; break;
            case "MB": unit = 1L << 20; break;
            case "GB": unit = 1L << 30; break;
            default: unit = 1; break;
        }
        double v = Double.parseDouble(m.group(1)) * unit;
        if (!(v >= 1) || v > Long.MAX_VALUE) {
            throw new Cli.BadValueException("needs a size of at least 1 byte, got '" + text + "'");
        }
        return (long) v;
    }
}
