package io.github.srboot.flyway;

import java.time.Duration;

import org.flywaydb.core.extensibility.ConfigurationExtension;
import org.springframework.lang.Nullable;

/**
 * StarRocks settings carried in Flyway's configuration, for the database type (which Flyway instantiates itself):
 * the {@code replication_num} of the schema history table (and of its lock table), and how the lock between
 * concurrent migrators ({@link MigrationLock}) waits and expires. Spring Boot applications set the replication
 * through {@code starrocks.flyway.history-replication-num}; everything can be set through
 * {@code configuration.getPluginRegister().getPlugin(StarRocksFlywayExtension.class)}.
 */
public class StarRocksFlywayExtension implements ConfigurationExtension {

    /** The default time after which a migrator's claim of the lock expires. */
    public static final Duration DEFAULT_LOCK_TIME_TO_LIVE = Duration.ofMinutes(30);

    /** The default pause between two looks at a lock another migrator holds. */
    public static final Duration DEFAULT_LOCK_POLL_INTERVAL = Duration.ofSeconds(1);

    private Integer historyReplicationNum;

    // Milliseconds, not Durations: Flyway copies extensions through Jackson, which has no java.time support there.
    private long lockTimeToLiveMillis = DEFAULT_LOCK_TIME_TO_LIVE.toMillis();

    private long lockPollIntervalMillis = DEFAULT_LOCK_POLL_INTERVAL.toMillis();

    /**
     * How long a migrator's claim of the lock lasts, in milliseconds: another migrator takes the lock over after
     * it, as from one that crashed. Must exceed the longest single migration (with its ALTER-job waits).
     */
    public long getLockTimeToLiveMillis() {
        return this.lockTimeToLiveMillis;
    }

    public void setLockTimeToLiveMillis(long lockTimeToLiveMillis) {
        if (lockTimeToLiveMillis <= 0) {
            throw new IllegalArgumentException("lockTimeToLiveMillis must be positive, got " + lockTimeToLiveMillis);
        }
        this.lockTimeToLiveMillis = lockTimeToLiveMillis;
    }

    /**
     * The pause between two looks at a lock another migrator holds, in milliseconds.
     */
    public long getLockPollIntervalMillis() {
        return this.lockPollIntervalMillis;
    }

    public void setLockPollIntervalMillis(long lockPollIntervalMillis) {
        if (lockPollIntervalMillis <= 0) {
            throw new IllegalArgumentException("lockPollIntervalMillis must be positive, got "
                    + lockPollIntervalMillis);
        }
        this.lockPollIntervalMillis = lockPollIntervalMillis;
    }

    /**
     * The history table's {@code replication_num}, or {@code null} for the server's default.
     */
    @Nullable
    public Integer getHistoryReplicationNum() {
        return this.historyReplicationNum;
    }

    public void setHistoryReplicationNum(@Nullable Integer historyReplicationNum) {
        if (historyReplicationNum != null && historyReplicationNum < 1) {
            throw new IllegalArgumentException(
                    "historyReplicationNum must be at least 1, got " + historyReplicationNum);
        }
        this.historyReplicationNum = historyReplicationNum;
    }

    @Override
    public String getNamespace() {
        return "starrocks";
    }

    @Override
    public String getConfigurationParameterFromEnvironmentVariable(String environmentVariable) {
        return null;
    }

}
