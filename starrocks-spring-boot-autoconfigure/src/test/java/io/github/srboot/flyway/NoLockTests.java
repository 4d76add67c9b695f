package io.github.srboot.flyway;

import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.junit.jupiter.api.Test;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * StarRocks offers Flyway no lock: the type takes none and says so once.
 */
class NoLockTests {

    @Test
    void theWarningIsLoggedOnce() {
        Log logger = mock(Log.class);
        AtomicBoolean warned = new AtomicBoolean();

        StarRocksConnection.warnOnce(warned, logger);
        StarRocksConnection.warnOnce(warned, logger);
        StarRocksConnection.warnOnce(warned, logger);

        verify(logger, times(1)).warn(StarRocksConnection.NO_LOCK_WARNING);
    }

}
