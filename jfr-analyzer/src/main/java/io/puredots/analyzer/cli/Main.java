package io.puredots.analyzer.cli;

/** Entry point of jfr-analyzer (placeholder until the report work lands). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("jfr-analyzer");
    }
}
