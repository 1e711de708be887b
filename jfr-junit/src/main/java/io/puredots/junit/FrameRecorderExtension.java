package io.puredots.junit;

import io.puredots.budgets.Budgets;
import jdk.jfr.Configuration;
import jdk.jfr.consumer.RecordingStream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

/**
 * The JUnit 5 extension behind {@link RecordFrames}: before each test, a {@link RecordingStream}
 * with {@code puredots.jfc}'s settings; after it, the recording deleted, or kept and named in the
 * test's report entries when the test failed. Resolves {@link RecordedFrames} parameters and backs
 * {@link FrameAssertions}' one-argument forms for the test's thread.
 */
public final class FrameRecorderExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(FrameRecorderExtension.class);
    private static final ThreadLocal<RecordedFrames> CURRENT = new ThreadLocal<>();

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        RecordFrames settings = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), RecordFrames.class)
                .or(() -> AnnotationSupport.findAnnotation(context.getRequiredTestClass(), RecordFrames.class))
                .orElse(null);
        String budgetsFile = settings == null ? "" : settings.budgets();
        String keepIn = settings == null ? "target/frame-recordings" : settings.keepIn();
        Budgets budgets = budgetsFile.isEmpty() ? Budgets.defaults() : Budgets.read(Path.of(budgetsFile));
        Path file = Path.of(keepIn, context.getRequiredTestClass().getName(),
                context.getRequiredTestMethod().getName() + "-" + Math.abs(context.getUniqueId().hashCode()) + ".jfr");
        RecordingStream stream = new RecordingStream(puredotsJfc());
        stream.startAsync();
        RecordedFrames recorded = new RecordedFrames(stream, file, budgets);
        context.getStore(NS).put(RecordedFrames.class, recorded);
        CURRENT.set(recorded);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        RecordedFrames recorded = context.getStore(NS).remove(RecordedFrames.class, RecordedFrames.class);
        CURRENT.remove();
        if (recorded == null) {
            return;
        }
        try {
            if (context.getExecutionException().isPresent()) {
                recorded.dump();
                context.publishReportEntry("frame recording", recorded.file().toAbsolutePath().toString());
            } else {
                Files.deleteIfExists(recorded.file());
            }
        } finally {
            recorded.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RecordedFrames.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        RecordedFrames recorded = context.getStore(NS).get(RecordedFrames.class, RecordedFrames.class);
        if (recorded == null) {
            throw new ExtensionConfigurationException("RecordedFrames is only for test methods (@RecordFrames)");
        }
        return recorded;
    }

    /** The recording of the test running on this thread. */
    static RecordedFrames current() {
        RecordedFrames r = CURRENT.get();
        if (r == null) {
            throw new IllegalStateException("no frames are being recorded on this thread: annotate the test class"
                    + " with @RecordFrames, or pass the RecordedFrames parameter");
        }
        return r;
    }

    /** {@code puredots.jfc} from the jfr-events jar. */
    private static Configuration puredotsJfc() throws IOException {
        try (InputStream in = Budgets.class.getResourceAsStream("/io/puredots/events/puredots.jfc")) {
            if (in == null) {
                throw new IOException("puredots.jfc is not in the jfr-events jar on the class path");
            }
            return Configuration.create(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (ParseException e) {
            throw new IOException("puredots.jfc: " + e.getMessage(), e);
        }
    }
}
