package io.github.srboot.autoconfigure;

import io.github.srboot.streamload.StreamLoadTemplate;

/**
 * Adjusts the auto-configured {@link StreamLoadTemplate} before it is built; beans of this type are applied in
 * order.
 */
@FunctionalInterface
public interface StreamLoadTemplateCustomizer {

    /**
     * Customizes the builder, already set from {@code starrocks.*}.
     */
    void customize(StreamLoadTemplate.Builder builder);

}
