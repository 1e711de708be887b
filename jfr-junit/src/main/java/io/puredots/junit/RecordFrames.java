package io.puredots.junit;

import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Records the game's {@code puredots.*} events (with {@code puredots.jfc}'s settings) in-process
 * during each test, for {@link FrameAssertions}. A test method may take a {@link RecordedFrames}
 * parameter. A failed test keeps its recording under {@code target/frame-recordings/}.
 *
 * <pre>{@code
 * @RecordFrames
 * class VillagerGameplayTest {
 *     @Test
 *     void villagersStayInBudget(RecordedFrames recorded) {
 *         game.run(600);
 *         assertFrames(recorded).p95().isBelow(Duration.ofMillis(16));
 *         assertGroup("VillagerSystemGroup").neverOverBudgetFor(5);
 *     }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(FrameRecorderExtension.class)
public @interface RecordFrames {
    /**
     * The budget file the groups' and systems' budgets come from (the format of
     * {@code budgets/default.budgets}); empty: the defaults packed in jfr-events.
     */
    String budgets() default "";

    /** Where failed tests' recordings are kept, one folder per test class. */
    String keepIn() default "target/frame-recordings";
}
