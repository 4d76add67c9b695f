package io.github.srboot.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.lang.Nullable;

/**
 * Resolves the SSL bundle named by {@code starrocks.http.ssl.bundle}, which Stream Load and the FE health probe
 * share, failing start-up with the property's name when it cannot be found.
 */
final class StarRocksSslBundle {

    static final String PROPERTY = "starrocks.http.ssl.bundle";

    private StarRocksSslBundle() {
    }

    /**
     * The named bundle, or {@code null} when the property is not set.
     */
    @Nullable
    static SslBundle resolve(StarRocksProperties.Http http, ObjectProvider<SslBundles> sslBundles) {
        String name = http.getSsl().getBundle();
        if (name == null || name.isBlank()) {
            return null;
        }
        SslBundles bundles = sslBundles.getIfAvailable();
        if (bundles == null) {
            throw new InvalidConfigurationPropertyValueException(PROPERTY, name,
                    "No SslBundles bean exists (spring.ssl.bundle.* auto-configuration is off).");
        }
        try {
            return bundles.getBundle(name);
        }
        catch (NoSuchSslBundleException ex) {
            throw new InvalidConfigurationPropertyValueException(PROPERTY, name,
                    "No SSL bundle of that name is configured under spring.ssl.bundle.*.");
        }
    }

}
