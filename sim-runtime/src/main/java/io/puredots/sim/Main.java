package io.puredots.sim;

/** Entry point of the soak scene (placeholder until the sim-runtime work lands). */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.out.println("sim-runtime");
    }
}
