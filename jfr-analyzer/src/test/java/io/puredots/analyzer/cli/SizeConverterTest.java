package io.puredots.analyzer.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SizeConverterTest {
    private final SizeConverter size = new SizeConverter();

    @Test
    void binaryUnitsInEitherCase() {
        assertEquals(1000L, size.convert("1000B"));
        assertEquals(64L << 10, size.convert("64KB"));
        assertEquals(512L << 20, size.convert("512 MB"));
        assertEquals(8L << 30, size.convert("8gb"));
        assertEquals(1536L, size.convert("1.5KB"));
    }

    @Test
    void badSizesAreOneLineAfterTheOptionName() {
        assertEquals("needs a size such as '8GB' or '512MB', got '12XB'",
                assertThrows(Cli.BadValueException.class, () -> size.convert("12XB")).getMessage());
        assertEquals("needs a size of at least 1 byte, got '0B'",
                assertThrows(Cli.BadValueException.class, () -> size.convert("0B")).getMessage());
        CliRun r = CliRun.of("report", "--max-decompressed", "0.5B", "x.jfr");
        assertEquals(Cli.TROUBLE, r.code());
        assertEquals("jfr-analyzer report: --max-decompressed needs a size of at least 1 byte, got '0.5B'\n", r.err());
    }
}
