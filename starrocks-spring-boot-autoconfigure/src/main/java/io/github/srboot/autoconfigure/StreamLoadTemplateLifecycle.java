package io.github.srboot.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;

import io.github.srboot.streamload.StreamLoadTemplate;

/**
 * Takes the auto-configured {@link StreamLoadTemplate} through the application's lifecycle: stopped (closed) in
 * the graceful-shutdown phase, on a thread of its own so that the phase's timeout
 * ({@code spring.lifecycle.timeout-per-shutdown-phase}) applies, while the template bounds its own wait by
 * {@code starrocks.stream-load.shutdown-timeout}. The template cannot be started again: a stopped lifecycle stays
 * stopped.
 */
public class StreamLoadTemplateLifecycle implements SmartLifecycle {

    private static final Log logger = LogFactory.getLog(StreamLoadTemplateLifecycle.class);

    private final StreamLoadTemplate template;

    private volatile boolean running;

    /**
     * Creates the lifecycle of a template.
     */
    public StreamLoadTemplateLifecycle(StreamLoadTemplate template) {
        this.template = template;
    }

    @Override
    public void start() {
        this.running = true;
    }

    @Override
    public void stop() {
        this.running = false;
        this.template.close();
    }

    @Override
    public void stop(Runnable callback) {
        this.running = false;
        Thread closer = new Thread(() -> {
            try {
                this.template.close();
            }
            catch (RuntimeException ex) {
                logger.error("Closing the StreamLoadTemplate at shutdown failed", ex);
            }
            finally {
                callback.run();
            }
        }, "starrocks-stream-load-shutdown");
        closer.setDaemon(true);
        closer.start();
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    /**
     * The graceful-shutdown phase: stopped with the web server's graceful shutdown, before the web server itself.
     */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE;
    }

}
