package io.github.srboot.ddl;

import java.util.Map;

/**
 * What {@code ALTER MATERIALIZED VIEW} does.
 */
public sealed interface MaterializedViewAction {

    /**
     * {@code REFRESH <scheme>}: changes the refresh scheme.
     *
     * @param scheme the new scheme
     */
    record Refresh(RefreshScheme scheme) implements MaterializedViewAction {

        /**
         * Checks the action.
         */
        public Refresh {
            if (scheme == null) {
                throw new DdlValidationException("ALTER MATERIALIZED VIEW REFRESH", "needs a refresh scheme");
            }
        }

    }

    /**
     * {@code SET ("k" = "v")}.
     *
     * @param properties the properties, at least one
     */
    record SetProperties(Map<String, String> properties) implements MaterializedViewAction {

        /**
         * Checks the action.
         */
        public SetProperties {
            properties = Lists.nonEmptyProperties("ALTER MATERIALIZED VIEW SET", properties);
        }

    }

    /**
     * {@code RENAME new_name}.
     *
     * @param newName the new name
     */
    record Rename(String newName) implements MaterializedViewAction {

        /**
         * Checks the action.
         */
        public Rename {
            Names.require("ALTER MATERIALIZED VIEW RENAME", newName);
        }

    }

    /**
     * {@code ACTIVE}.
     */
    record Active() implements MaterializedViewAction {
    }

    /**
     * {@code INACTIVE}.
     */
    record Inactive() implements MaterializedViewAction {
    }

    /**
     * {@code SWAP WITH other}.
     *
     * @param other the other materialized view
     */
    record SwapWith(String other) implements MaterializedViewAction {

        /**
         * Checks the action.
         */
        public SwapWith {
            Names.require("ALTER MATERIALIZED VIEW SWAP WITH", other);
        }

    }

}
