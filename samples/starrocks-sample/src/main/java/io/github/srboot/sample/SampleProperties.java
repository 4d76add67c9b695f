package io.github.srboot.sample;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much data the sample generates ({@code sample.*}).
 *
 * @param orders orders in the history that is bulk-loaded
 * @param changes change events in the CDC feed
 * @param seed seed of the generator: the same seed gives the same data
 * @param changesPerLoad changes the CDC path loads at most at once
 * @param changeInterval longest wait of a buffered change before it is loaded
 */
@ConfigurationProperties("sample")
public record SampleProperties(@DefaultValue("10000") int orders, @DefaultValue("3000") int changes,
        @DefaultValue("42") long seed, @DefaultValue("500") int changesPerLoad,
        @DefaultValue("1s") Duration changeInterval) {
}
