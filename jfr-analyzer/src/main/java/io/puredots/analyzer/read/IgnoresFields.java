package io.puredots.analyzer.read;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Event fields that an {@link EventHandler} class never reads, as {@code "eventName#field"}
 * (for example {@code "puredots.JobRun#jobName"}). The fast decoder steps over them instead of
 * decoding them, and passes the parameter's empty value ({@code ""} for a string, {@code -1}
 * for a thread id, 0 otherwise). Inline strings are the point: a string read costs a hash
 * and a comparison to find its canonical instance, a skipped one only its length.
 *
 * <p>Only for fields whose values the class really ignores: a listed field reaches the
 * handler empty, whatever the recording holds. The reference decoder ignores this annotation,
 * so tests that compare the two decoders through a handler only see the difference if the
 * handler breaks that promise.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface IgnoresFields {
    /** The fields, {@code "eventName#field"}. */
    String[] value();
}
